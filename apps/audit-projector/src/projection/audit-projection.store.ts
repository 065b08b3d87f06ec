import type { ProjectionStore } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditBatch } from './audit-batch';
import { AuditWriter } from './audit.writer';

/**
 * The audit projections' store: TypeORM's checkpoint store, plus a batch per transaction. Handlers
 * only gather their event's effects in the batch; the batch is written just before the checkpoint,
 * in the same transaction — one multi-row statement per table per batch, not per event, and a
 * batch rolled back (crash, poison record) leaves no row behind.
 */
export class AuditProjectionStore implements ProjectionStore<EntityManager> {
  private readonly checkpoints: TypeOrmProjectionStore;
  private readonly writer: AuditWriter;
  private readonly batches = new WeakMap<EntityManager, AuditBatch>();

  constructor(
    dataSource: DataSource,
    readonly schema: string,
  ) {
    this.checkpoints = new TypeOrmProjectionStore(dataSource, schema);
    this.writer = new AuditWriter(schema);
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.checkpoints.transaction(work);
  }

  lockCheckpoint(tx: EntityManager, group: string, topic: string, partition: number): Promise<string | null> {
    return this.checkpoints.lockCheckpoint(tx, group, topic, partition);
  }

  /** The batch of the open transaction. */
  batchFor(tx: EntityManager): AuditBatch {
    let batch = this.batches.get(tx);
    if (batch === undefined) {
      batch = new AuditBatch();
      this.batches.set(tx, batch);
    }
    return batch;
  }

  /** Hands a batch gathered outside the transaction (the replay decodes before it opens one) to it. */
  attach(tx: EntityManager, batch: AuditBatch): void {
    this.batches.set(tx, batch);
  }

  async saveCheckpoint(tx: EntityManager, group: string, topic: string, partition: number, nextOffset: string): Promise<void> {
    const batch = this.batches.get(tx);
    this.batches.delete(tx);
    if (batch !== undefined) {
      await this.writer.flush(tx, batch);
    }
    await this.checkpoints.saveCheckpoint(tx, group, topic, partition, nextOffset);
  }
}
