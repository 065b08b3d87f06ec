/**
 * Verifies the §4.2 usage log's hash chain: `node -r @swc-node/register scripts/audit-verify.ts`.
 *
 * Recomputes sha256(previous_hash ‖ canonical(entry)) for every entry in `seq` order and checks the
 * chain head; reports the first edited or removed entry. Exit 0: intact; 1: tampered; 2: could
 * not check. Reads DATABASE_URL like the services; `--schema <name>` checks another schema (a
 * replay kept with --keep), `--json` prints the verdict as JSON.
 */
import 'reflect-metadata';
import { loadServiceConfig } from '@ais/config';
import { dataSourceOptions } from '@ais/persistence';
import { DataSource } from 'typeorm';
import { AUDIT_SCHEMA } from '../apps/audit-projector/src/migrations';
import { verifyUsageLog } from '../apps/audit-projector/src/usage/usage-log.repository';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function run(): Promise<number> {
  const schema = argument('--schema') ?? AUDIT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    console.error('audit-verify: --schema must be a plain schema name');
    return 2;
  }
  const config = loadServiceConfig();
  const dataSource = await new DataSource(dataSourceOptions({ url: config.postgres.DATABASE_URL, schema, migrations: [], poolSize: 1, applicationName: 'audit-verify' })).initialize();
  try {
    const verdict = await verifyUsageLog(dataSource, schema);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(verdict));
    } else if (verdict.ok) {
      console.log(`usage log ${schema}.usage_log intact: ${verdict.entries} entries, head seq ${verdict.head.seq}, hash ${verdict.head.hash}`);
    } else {
      console.log(`usage log ${schema}.usage_log TAMPERED: entry ${verdict.seq} ${verdict.kind} — ${verdict.reason} (${verdict.entries} entries read)`);
    }
    return verdict.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Only our own messages are printed: a driver's may quote the row it failed on.
    const safe = error instanceof Error && (error.name === 'ConfigError' || error.name === 'ReplayError');
    const code = (error as { code?: unknown } | null)?.code;
    console.error(`audit-verify: ${safe ? error.message : `${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`}`);
    process.exit(2);
  },
);
