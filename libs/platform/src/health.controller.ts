import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { KafkaConsumerIndicator } from '@ais/messaging';

export const HEALTH_TIMEOUT_MS = Symbol('HEALTH_TIMEOUT_MS');

/**
 * `/health`: ready when PostgreSQL answers and every consumer group of the process has joined and
 * keeps fetching. `/health/live`: the process answers. Both unauthenticated, like `/metrics`.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly consumers: KafkaConsumerIndicator,
    @Inject(HEALTH_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  @Get()
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: this.timeoutMs }),
      ...this.consumers.check().map((result) => () => result),
    ]);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
