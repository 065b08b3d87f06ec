/**
 * Rebuilds every audit projection from offset 0 and proves it equal to the live one:
 * `node -r @swc-node/register scripts/audit-replay.ts [--keep] [--json]`.
 *
 * Snapshots the live checkpoints and rows (one REPEATABLE READ transaction), reads every audit
 * topic from the beginning under a fresh consumer group up to those checkpoints, applies the
 * same deciders and writer into a fresh schema `audit_replay_<time>`, verifies the rebuilt hash
 * chain and compares row sets. The live schema is only read: running it twice changes nothing.
 * Exit 0: equal; 1: a difference; 2: could not replay. Reads DATABASE_URL, KAFKA_BROKERS and
 * KAFKA_TOPIC_PREFIX like the services. `--keep` leaves the replay schema for inspection.
 */
import 'reflect-metadata';
import { loadServiceConfig } from '@ais/config';
import { AUDIT_SCHEMA } from '../apps/audit-projector/src/migrations';
import { replayAudit } from '../apps/audit-projector/src/replay/audit-replay';

async function run(): Promise<number> {
  const config = loadServiceConfig();
  const json = process.argv.includes('--json');
  const report = await replayAudit({
    databaseUrl: config.postgres.DATABASE_URL,
    brokers: config.kafka.KAFKA_BROKERS,
    topicPrefix: config.kafka.KAFKA_TOPIC_PREFIX,
    liveSchema: AUDIT_SCHEMA,
    until: 'live',
    keep: process.argv.includes('--keep'),
    log: json ? undefined : (line) => console.log(line),
  });
  if (json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`replayed ${report.records} records (${report.events} audit events, ${report.undecodable} undecodable, ${report.failed} failed) in ${(report.durationMs / 1000).toFixed(1)} s`);
    console.log(`rebuilt usage chain: ${report.chain.ok ? `intact, ${report.chain.entries} entries` : `BROKEN at ${report.chain.seq} (${report.chain.kind})`}`);
    for (const table of report.comparison ?? []) {
      const verdict = table.missing === 0 && table.extra === 0 ? 'equal' : `DIFFERENT: ${table.missing} live-only, ${table.extra} replay-only`;
      console.log(`${table.table}: live ${table.live} rows, replay ${table.replay} rows — ${verdict}`);
      for (const sample of table.samples) {
        console.log(`  ${sample}`);
      }
    }
    console.log(report.equal ? 'replay equals live' : 'replay DIFFERS from live');
    if (process.argv.includes('--keep')) {
      console.log(`kept schema ${report.schema}`);
    }
  }
  return report.equal ? 0 : 1;
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Only our own messages are printed: a driver's may quote the row it failed on.
    const safe = error instanceof Error && (error.name === 'ConfigError' || error.name === 'ReplayError');
    const code = (error as { code?: unknown } | null)?.code;
    console.error(`audit-replay: ${safe ? error.message : `${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`}`);
    process.exit(2);
  },
);
