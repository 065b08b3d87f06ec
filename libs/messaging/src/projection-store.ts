/**
 * Where a projection keeps its rows and its checkpoint, committed in one database transaction
 * (implemented over TypeORM in `@ais/persistence`).
 */
export interface ProjectionStore<Tx> {
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Locks the partition's checkpoint row; returns the next offset to apply, or null when new. */
  lockCheckpoint(tx: Tx, group: string, topic: string, partition: number): Promise<string | null>;
  saveCheckpoint(tx: Tx, group: string, topic: string, partition: number, nextOffset: string): Promise<void>;
}
