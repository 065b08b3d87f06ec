import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ConsumerStateRegistry } from './consumer-state';

/** A consumer that has not fetched for this long is stuck (kafkajs#1720: no resume after rebalance). */
const STALE_FETCH_MS = 30_000;

/**
 * Readiness of each consumer group of the process: joined, not crashed, still fetching.
 * terminus's own Kafka check only proves a producer can connect (nestjs/terminus#1690).
 */
@Injectable()
export class KafkaConsumerIndicator {
  constructor(
    private readonly states: ConsumerStateRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(now = Date.now()): HealthIndicatorResult[] {
    return this.states.all().map((state) => {
      const indicator = this.indicators.check(`kafka-consumer:${state.group}`);
      const details = {
        joined: state.joined,
        crashed: state.crashed,
        lastFetchAgoMs: state.lastFetchAt === null ? null : now - state.lastFetchAt,
      };
      const fresh = state.lastFetchAt !== null && now - state.lastFetchAt < STALE_FETCH_MS;
      return state.joined && !state.crashed && fresh ? indicator.up(details) : indicator.down(details);
    });
  }
}
