import { Topics } from '@ais/contracts';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from '@ais/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { federalGroupOf } from './federal-group';
import { FederalDeliveriesRepository, type GroupPartitionOffset } from './federal-deliveries.repository';

export const FEDERAL_POLL_INTERVAL_MS = Symbol('FEDERAL_POLL_INTERVAL_MS');
export const DEFAULT_FEDERAL_POLL_INTERVAL_MS = 30_000;

/**
 * §4.1 "federal entities shared with", from actual deliveries over Kafka: every interval, the
 * committed offsets of each federal entity's consumer groups (`federal.<entity>.<name>`) on the
 * output topic, through the admin API, into `audit.federal_consumer_offsets` and the day's row.
 * Offsets are positions, not record counts: transaction markers take offsets too.
 */
@Injectable()
export class FederalDeliveriesPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FederalDeliveriesPoller.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly repository: FederalDeliveriesRepository,
    @Inject(FEDERAL_POLL_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.pollOnce()
        .catch((error: unknown) => this.logger.warn(`polling federal consumer offsets failed (${error instanceof Error ? error.name : typeof error})`))
        .finally(() => {
          this.running = null;
        });
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  /** One poll; returns what it stored. */
  async pollOnce(now: Date = new Date()): Promise<GroupPartitionOffset[]> {
    const prefix = this.options.topicPrefix ?? '';
    const topic = prefix + Topics.disseminationPublished;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const federal = groups.map((group) => federalGroupOf(group.groupId, prefix)).filter((group) => group !== null);
      if (federal.length === 0) {
        return [];
      }
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, Number(entry.high)]));
      const offsets: GroupPartitionOffset[] = [];
      for (const group of federal) {
        const committed = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
        for (const { partition, offset } of committed.find((entry) => entry.topic === topic)?.partitions ?? []) {
          offsets.push({
            groupId: group.groupId,
            entity: group.entity,
            topic: Topics.disseminationPublished,
            partition,
            committedOffset: Math.max(Number(offset), 0),
            endOffset: ends.get(partition) ?? 0,
          });
        }
      }
      await this.repository.save(offsets, now);
      return offsets;
    } finally {
      await admin.disconnect();
    }
  }
}
