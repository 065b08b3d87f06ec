import type { AnyEvent } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { Coalescer } from '@ais/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StatusRepository, type NewStatus } from '../status/status.repository';

/** One POST's status and its `SubmissionReceived`; no event when every object was a duplicate. */
export interface ReceivedWrite {
  readonly status: NewStatus;
  readonly event: AnyEvent | null;
}

/** POSTs in one transaction at most: each brings a status row per object (up to 10,000). */
const MAX_POSTS_PER_TRANSACTION = 32;

/**
 * Writes the statuses of the POSTs handled at one moment in one transaction: their rows in one
 * statement, which takes their locks until the commit; then their events, which the publisher
 * sends together; then the commit. Each POST had its own transaction before: three round trips
 * and a commit each.
 *
 * A status row still commits only after its event is in the log. A POST whose event the broker
 * refused (too large) has its rows deleted before the commit and fails alone, with the broker's
 * error. When the transaction itself fails, every POST of it fails, as a POST's own did.
 */
@Injectable()
export class ReceivedWriter {
  private readonly writes = new Coalescer<ReceivedWrite, PromiseSettledResult<void>>((writes) => this.writeAll(writes), { maxBatch: MAX_POSTS_PER_TRANSACTION });

  constructor(
    private readonly dataSource: DataSource,
    private readonly statuses: StatusRepository,
    private readonly publisher: EventPublisher,
  ) {}

  /** Resolves once the status is committed and its event is in the log. */
  async write(write: ReceivedWrite): Promise<void> {
    const written = await this.writes.submit(write);
    if (written.status === 'rejected') {
      throw written.reason;
    }
  }

  private writeAll(writes: readonly ReceivedWrite[]): Promise<PromiseSettledResult<void>[]> {
    return this.dataSource.transaction(async (tx) => {
      await this.statuses.createAll(tx, writes.map((write) => write.status));
      const published = await Promise.allSettled(writes.map((write) => (write.event === null ? Promise.resolve() : this.publisher.publish([write.event]))));
      const refused = writes.filter((_, i) => published[i]!.status === 'rejected').map((write) => write.status.id);
      if (refused.length > 0) {
        await this.statuses.deleteAll(tx, refused);
      }
      return published;
    });
  }
}
