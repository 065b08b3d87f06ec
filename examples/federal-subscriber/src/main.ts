import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from './config';
import { LatestVersions } from './latest-versions';
import { verifyEnvelope, type Rejection } from './verify-envelope';

/**
 * An appropriate federal entity's subscriber to AIS Exchange's output topic: it reads every
 * published version with the entity's own consumer group, committed records only, verifies each
 * envelope, and keeps the latest version of every STIX object in a state file.
 *
 *   AIS_SUBSCRIBER_GROUP=federal.energy.siem node -r @swc-node/register examples/federal-subscriber/src/main.ts
 *
 * Delivery is at least once: the state file is written after each batch, then the batch's offsets
 * are committed. A crash in between brings the batch again, and keeping versions by timestamp makes
 * that harmless. Output is one JSON line per batch with counts and offsets, never object content.
 */
async function run(): Promise<void> {
  const config = loadConfig();
  const totals = { versions: 0, newer: 0, older: 0, same: 0, rejected: 0 };
  let latest = new LatestVersions();
  if (existsSync(config.stateFile)) {
    // A restart: go on from what was kept; the group's committed offsets say where to read on.
    const saved = JSON.parse(readFileSync(config.stateFile, 'utf8')) as { latest: Parameters<typeof LatestVersions.from>[0]; totals?: Partial<typeof totals> };
    latest = LatestVersions.from(saved.latest);
    Object.assign(totals, saved.totals);
  }

  const kafka = new Kafka({ ...config.kafka, logLevel: logLevel.WARN });
  // read_committed: only versions whose publishing transaction committed (the default, made explicit).
  const consumer = kafka.consumer({ groupId: config.group, readUncommitted: false, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [config.topic], fromBeginning: true });

  const save = (): void => {
    const temporary = `${config.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify({ latest: latest.snapshot(), totals }));
    renameSync(temporary, config.stateFile);
  };

  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const counts = { versions: 0, newer: 0, older: 0, same: 0, rejected: 0 };
      const rejections: Partial<Record<Rejection, number>> = {};
      for (const message of batch.messages) {
        const verified = verifyEnvelope(message);
        if (verified.ok) {
          counts.versions += 1;
          counts[latest.offer(verified.version)] += 1;
        } else {
          // A record that fails verification is counted and skipped, never trusted.
          counts.rejected += 1;
          rejections[verified.rejection] = (rejections[verified.rejection] ?? 0) + 1;
        }
      }
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
        totals[key] += counts[key];
      }
      save();
      for (const message of batch.messages) {
        payload.resolveOffset(message.offset);
      }
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
      process.stdout.write(
        `${JSON.stringify({ kind: 'batch', partition: batch.partition, lastOffset: batch.lastOffset(), ...counts, rejections, objects: latest.size })}\n`,
      );
    },
  });

  const stop = (signal: string): void => {
    consumer
      .disconnect()
      .then(() => {
        process.stdout.write(`${JSON.stringify({ kind: 'stopped', signal, ...totals, objects: latest.size })}\n`);
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

run().catch((error: unknown) => {
  process.stderr.write(`federal-subscriber: ${error instanceof Error ? error.message : 'failed'}\n`);
  process.exit(1);
});
