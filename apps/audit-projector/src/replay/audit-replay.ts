import { decodeEvent, ENVELOPE_HEADERS } from '@ais/contracts';
import { createKafka } from '@ais/messaging';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { randomBytes } from 'node:crypto';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { auditSchemaOwner } from '../migrations';
import { AuditBatch } from '../projection/audit-batch';
import { AUDIT_GROUP, auditTopics, isAuditEventType, type AuditEvent } from '../projection/audit-events';
import { AuditProjectionStore } from '../projection/audit-projection.store';
import type { ChainVerdict } from '../usage/usage-chain';
import { verifyUsageLog } from '../usage/usage-log.repository';
import { compareWithLive, type TableComparison } from './compare-projections';

export interface ReplayOptions {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The deployment's topic prefix (empty in production). */
  readonly topicPrefix: string;
  /** The live projections' schema (`audit`). */
  readonly liveSchema: string;
  /**
   * `live`: read each partition up to the live projection's checkpoint, taken in one snapshot with
   * the live rows, then compare. `end`: read to the end of the log, compare nothing (benchmark).
   */
  readonly until: 'live' | 'end';
  /** Keep the replay schema for inspection (dropped otherwise). */
  readonly keep?: boolean;
  /** Fail when no partition moves for this long (records gone, broker away). */
  readonly idleTimeoutMs?: number;
  readonly log?: (line: string) => void;
  readonly clock?: () => Date;
}

export interface PartitionStart {
  readonly topic: string;
  readonly partition: number;
  /** The first offset Kafka still holds: above 0, retention deleted older records. */
  readonly low: string;
}

export interface ReplayReport {
  readonly schema: string;
  /** Records read (below the limits), events applied, records skipped. */
  readonly records: number;
  readonly events: number;
  readonly undecodable: number;
  readonly failed: number;
  readonly durationMs: number;
  /** Partitions whose start was deleted by retention: counts from them cannot be rebuilt whole. */
  readonly truncated: readonly PartitionStart[];
  readonly chain: ChainVerdict;
  /** Null with `until: 'end'`. */
  readonly comparison: readonly TableComparison[] | null;
  /** True when every table equals the live one and the rebuilt chain verifies. */
  readonly equal: boolean;
}

/** A replay that could not finish; its message names counts and offsets only. */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}

type Limits = Map<string, bigint>;

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function stampOf(now: Date): string {
  return `${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}_${randomBytes(2).toString('hex')}`;
}

/**
 * Rebuilds every audit projection from offset 0 into a fresh schema (`audit_replay_<time>`), with
 * the live projection's own deciders and writer, by reading the topics directly under a consumer
 * group of its own (never the live one, and committing nothing). With `until: 'live'` it first
 * snapshots the live checkpoints and rows in one REPEATABLE READ transaction, reads each partition
 * up to that checkpoint, and compares row sets. The live schema is only read.
 */
export async function replayAudit(options: ReplayOptions): Promise<ReplayReport> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const started = Date.now();
  const stamp = stampOf(clock());
  const schema = `audit_replay_${stamp}`;
  const group = `${options.topicPrefix}${AUDIT_GROUP}.replay-${stamp}`;
  const topics = auditTopics().map((topic) => options.topicPrefix + topic);
  const kafka = createKafka({ brokers: options.brokers, clientId: 'audit-replay' });

  await migrateSchemas(options.databaseUrl, [auditSchemaOwner(schema)]);
  const dataSource = await new DataSource(dataSourceOptions({ url: options.databaseUrl, schema, migrations: [], poolSize: 4, applicationName: 'audit-replay' })).initialize();
  try {
    const existing = await existingTopics(kafka, topics);
    const limits = options.until === 'live' ? await snapshotLive(dataSource, options.liveSchema, schema, options.topicPrefix + AUDIT_GROUP) : await logEnds(kafka, existing);
    const truncated = await partitionStarts(kafka, existing, limits);
    for (const start of truncated) {
      log(`warning: ${start.topic}[${start.partition}] starts at offset ${start.low} (retention): older records cannot be replayed`);
    }
    const wanted = [...limits.values()].reduce((sum, limit) => sum + limit, 0n);
    log(`replaying ${limits.size} partition(s) of ${existing.length} topic(s), up to ${wanted} offsets, into schema ${schema}`);
    const store = new AuditProjectionStore(dataSource, schema);
    const totals = await consume(kafka, group, limits, store, options.idleTimeoutMs ?? 60_000, log);
    const chain = await verifyUsageLog(dataSource, schema);
    const comparison = options.until === 'live' ? await compareWithLive(dataSource, schema) : null;
    const equal = chain.ok && (comparison === null || comparison.every((table) => table.missing === 0 && table.extra === 0));
    return { schema, ...totals, durationMs: Date.now() - started, truncated, chain, comparison, equal };
  } finally {
    if (options.keep !== true) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    }
    await dataSource.destroy();
  }
}

async function existingTopics(kafka: Kafka, topics: readonly string[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    return topics.filter((topic) => present.has(topic));
  } finally {
    await admin.disconnect();
  }
}

/**
 * The live checkpoints and a copy of the live rows (`live_*` tables in the replay schema), read in
 * one snapshot: rows and checkpoints commit together, so the copy is exactly the projection of the
 * log up to those offsets.
 */
async function snapshotLive(dataSource: DataSource, live: string, schema: string, liveGroup: string): Promise<Limits> {
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    const rows: { topic: string; partition: number; next_offset: string }[] = await tx.query(
      `SELECT topic, partition, next_offset::text AS next_offset FROM "${live}".projection_checkpoints WHERE consumer_group = $1`,
      [liveGroup],
    );
    await tx.query(`CREATE TABLE "${schema}".live_daily_counts AS SELECT day, metric, dimension, value FROM "${live}".daily_counts`);
    await tx.query(`CREATE TABLE "${schema}".live_usage_log AS SELECT * FROM "${live}".usage_log`);
    await tx.query(`CREATE TABLE "${schema}".live_usage_chain_head AS SELECT * FROM "${live}".usage_chain_head`);
    return new Map(rows.filter((row) => BigInt(row.next_offset) > 0n).map((row) => [keyOf(row.topic, row.partition), BigInt(row.next_offset)]));
  });
}

async function logEnds(kafka: Kafka, topics: readonly string[]): Promise<Limits> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const limits: Limits = new Map();
    for (const topic of topics) {
      for (const entry of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(entry.high) > 0n) {
          limits.set(keyOf(topic, entry.partition), BigInt(entry.high));
        }
      }
    }
    return limits;
  } finally {
    await admin.disconnect();
  }
}

async function partitionStarts(kafka: Kafka, topics: readonly string[], limits: Limits): Promise<PartitionStart[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const truncated: PartitionStart[] = [];
    for (const topic of topics) {
      for (const entry of await admin.fetchTopicOffsets(topic)) {
        if (limits.has(keyOf(topic, entry.partition)) && BigInt(entry.low) > 0n) {
          truncated.push({ topic, partition: entry.partition, low: entry.low });
        }
      }
    }
    return truncated;
  } finally {
    await admin.disconnect();
  }
}

interface ConsumeTotals {
  records: number;
  events: number;
  undecodable: number;
  failed: number;
}

/** Reads every limited partition from offset 0 to its limit and applies it, batch by batch. */
async function consume(kafka: Kafka, group: string, limits: Limits, store: AuditProjectionStore, idleTimeoutMs: number, log: (line: string) => void): Promise<ConsumeTotals> {
  const totals: ConsumeTotals = { records: 0, events: 0, undecodable: 0, failed: 0 };
  const pending = new Set(limits.keys());
  if (pending.size === 0) {
    return totals;
  }
  const consumer: Consumer = kafka.consumer({
    groupId: group,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxBytes: 32 * 1024 * 1024,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });
  let lastProgress = Date.now();
  let lastReport = Date.now();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const key = keyOf(batch.topic, batch.partition);
    const limit = limits.get(key);
    if (limit === undefined || !pending.has(key)) {
      return;
    }
    // Decoded outside the transaction; applied inside it from the replay's own checkpoint on, so
    // a batch Kafka hands out again (a rebalance: this group commits nothing) changes nothing.
    const decodedEvents: { offset: bigint; event: AuditEvent }[] = [];
    const offsets: bigint[] = [];
    let last: string | null = null;
    for (const message of batch.messages) {
      if (BigInt(message.offset) >= limit) {
        break;
      }
      last = message.offset;
      offsets.push(BigInt(message.offset));
      const type = message.headers?.[ENVELOPE_HEADERS.type]?.toString();
      if ((type !== undefined && !isAuditEventType(type)) || message.value === null) {
        continue;
      }
      const decoded = decodeEvent(message.value);
      if (!decoded.ok) {
        // The live projection dead-lettered it: it counts there neither.
        totals.undecodable += 1;
        continue;
      }
      if (isAuditEventType(decoded.event.type)) {
        decodedEvents.push({ offset: BigInt(message.offset), event: decoded.event as AuditEvent });
      }
    }
    if (last !== null) {
      const next = (BigInt(last) + 1n).toString();
      const applied = await store.transaction(async (tx) => {
        const from = BigInt((await store.lockCheckpoint(tx, group, batch.topic, batch.partition)) ?? '0');
        const gathered = new AuditBatch();
        let events = 0;
        let failed = 0;
        for (const { offset, event } of decodedEvents) {
          if (offset < from) {
            continue;
          }
          try {
            gathered.add(event);
            events += 1;
          } catch {
            failed += 1;
          }
        }
        store.attach(tx, gathered);
        await store.saveCheckpoint(tx, group, batch.topic, batch.partition, next);
        return { records: offsets.filter((offset) => offset >= from).length, events, failed };
      });
      totals.records += applied.records;
      totals.events += applied.events;
      totals.failed += applied.failed;
      lastProgress = Date.now();
      if (BigInt(next) >= limit) {
        pending.delete(key);
        consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
        if (pending.size === 0) {
          finish();
        }
      }
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      log(`… ${totals.records} records, ${totals.events} events, ${pending.size} partition(s) to go`);
    }
    await payload.heartbeat();
  };

  await consumer.connect();
  const idle = setInterval(() => {
    if (Date.now() - lastProgress > idleTimeoutMs) {
      finish();
    }
  }, 1_000);
  try {
    await consumer.subscribe({ topics: [...new Set([...limits.keys()].map((key) => key.split('\u0000')[0]!))], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, partitionsConsumedConcurrently: 8, eachBatch });
    await done;
  } finally {
    clearInterval(idle);
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.disconnect();
  }
  if (pending.size > 0) {
    throw new ReplayError(`replay stalled: ${pending.size} partition(s) did not reach their offset within ${idleTimeoutMs} ms`);
  }
  return totals;
}
