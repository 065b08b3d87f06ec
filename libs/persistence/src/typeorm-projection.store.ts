import type { DataSource, EntityManager } from 'typeorm';

/** The messaging library's `ProjectionStore` over TypeORM: rows and checkpoint in one transaction. */
export class TypeOrmProjectionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async lockCheckpoint(tx: EntityManager, group: string, topic: string, partition: number): Promise<string | null> {
    const locked = await this.selectForUpdate(tx, group, topic, partition);
    if (locked !== null) {
      return locked;
    }
    // A partition's first batch: create its row (another member may be doing the same), then lock it.
    await tx.query(
      `INSERT INTO "${this.schema}".projection_checkpoints (consumer_group, topic, partition, next_offset)
       VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
      [group, topic, partition],
    );
    return this.selectForUpdate(tx, group, topic, partition);
  }

  private async selectForUpdate(tx: EntityManager, group: string, topic: string, partition: number): Promise<string | null> {
    const rows: { next_offset: string }[] = await tx.query(
      `SELECT next_offset FROM "${this.schema}".projection_checkpoints
       WHERE consumer_group = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
      [group, topic, partition],
    );
    return rows[0]?.next_offset ?? null;
  }

  async saveCheckpoint(tx: EntityManager, group: string, topic: string, partition: number, nextOffset: string): Promise<void> {
    await tx.query(
      `UPDATE "${this.schema}".projection_checkpoints SET next_offset = $4, updated_at = now()
       WHERE consumer_group = $1 AND topic = $2 AND partition = $3`,
      [group, topic, partition, nextOffset],
    );
  }
}
