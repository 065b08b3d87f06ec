/**
 * Paged reads of version-publisher's federal TAXII 2.1 root (issue 5: ≥ 2,000 objects/s on one
 * core). Seeds N object versions (2 per object) straight into a fresh database's
 * `publisher.object_versions`, starts version-publisher alone on it, and pages the whole collection
 * with `match[version]=all` at limit=1000 and limit=100, following `next`; 5 passes each. Prints
 * objects/s per pass, the median and the ratio to the target.
 *
 *   node -r @swc-node/register bench/federal-paged-read.ts [--versions 20000] [--port 19580]
 *
 * The service is pinned to CPU 0 (`taskset -acp 0`, all its threads) and this client to CPU 1.
 * Reads DATABASE_URL and KAFKA_BROKERS like the services (every read is audited through Kafka);
 * needs the local stack running. The database is dropped afterwards.
 */
import 'reflect-metadata';
import { IDENTITY_SCHEMA_OWNER, PrincipalRepository } from '@ais/auth';
import { loadServiceConfig } from '@ais/config';
import { createKafka, deleteTopicsWithPrefix } from '@ais/messaging';
import { dataSourceOptions } from '@ais/persistence';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { FEDERAL_COLLECTION_ID } from '../apps/version-publisher/src/federal/federal-collection';
import { ServiceLauncher } from '../scripts/system/service-launcher';

const TARGET_PER_SECOND = 2_000;
const PASSES = 5;
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** An AIS indicator as version-publisher stores it (after the profile and PII stages). */
function indicator(id: string, modified: string, n: number): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-08-01T00:00:00.000Z',
    modified,
    name: `Suspicious infrastructure ${n}`,
    description: 'Observed in a phishing campaign against the energy sector; block at the perimeter.',
    indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '198.51.${Math.floor(n / 250) % 250}.${n % 250}'] AND [domain-name:value = 'host${n}.example.com']`,
    pattern_type: 'stix',
    valid_from: '2026-08-01T00:00:00.000Z',
    kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'delivery' }],
    labels: ['phishing'],
    object_marking_refs: [TLP_GREEN],
  };
}

/** Rows as the repository projection writes them: `date_added` unique and increasing. */
async function seed(databaseUrl: string, versions: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const start = Date.UTC(2026, 8, 1);
    const chunk = 2_000;
    for (let first = 0; first < versions; first += chunk) {
      const rows = { objectId: [] as string[], version: [] as string[], dateAdded: [] as string[], object: [] as string[], submission: [] as string[] };
      for (let i = first; i < Math.min(first + chunk, versions); i++) {
        const objectNumber = Math.floor(i / 2);
        const objectId = `indicator--${uuidOf(objectNumber)}`;
        const version = new Date(Date.UTC(2026, 7, 1) + (i % 2) * 86_400_000 + objectNumber).toISOString();
        rows.objectId.push(objectId);
        rows.version.push(version);
        rows.dateAdded.push(new Date(start + i).toISOString());
        rows.object.push(JSON.stringify(indicator(objectId, version, objectNumber)));
        rows.submission.push(randomUUID());
      }
      await client.query(
        `INSERT INTO publisher.object_versions (object_id, version, version_at, type, spec_version, date_added, object, submission_id)
         SELECT o, v, v::timestamptz, 'indicator', '2.1', d::timestamptz, j::jsonb, s::uuid
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(o, v, d, j, s)`,
        [rows.objectId, rows.version, rows.dateAdded, rows.object, rows.submission],
      );
    }
    await client.query(`UPDATE publisher.date_added_clock SET last = (SELECT max(date_added) FROM publisher.object_versions)`);
    await client.query(`ANALYZE publisher.object_versions`);
  } finally {
    await client.end();
  }
}

/** A stable uuid-shaped id per object number. */
function uuidOf(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

async function withDatabase(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The topics the service created for its prefix. */
async function deleteTopics(prefix: string, brokers: readonly string[]): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'bench-federal-paged-read' }).admin();
  await admin.connect();
  await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
  await admin.disconnect();
}

/** One full pass over the collection: every version, following `next`. */
async function pass(baseUrl: string, authorization: string, limit: number): Promise<{ objects: number; pages: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let next: string | undefined;
  let objects = 0;
  let pages = 0;
  do {
    const url = `${baseUrl}/federal/collections/${FEDERAL_COLLECTION_ID}/objects/?match[version]=all&limit=${limit}${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
    const response = await fetch(url, { headers: { authorization, accept: 'application/taxii+json;version=2.1' } });
    if (response.status !== 200) {
      throw new Error(`page ${pages + 1}: HTTP ${response.status} ${await response.text()}`);
    }
    const body = (await response.json()) as { objects?: unknown[]; more?: boolean; next?: string };
    objects += body.objects?.length ?? 0;
    pages += 1;
    next = body.more === true ? body.next : undefined;
  } while (next !== undefined);
  return { objects, pages, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function run(): Promise<void> {
  const config = loadServiceConfig();
  const versions = Number(argument('--versions') ?? 20_000);
  const port = Number(argument('--port') ?? 19_580);
  const database = `bench_federal_${randomUUID().slice(0, 8)}`;
  const databaseUrl = new URL(config.postgres.DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const adminUrl = config.postgres.DATABASE_URL;
  const topicPrefix = `${database.replace(/_/g, '-')}.`;
  const launcher = new ServiceLauncher({
    logDir: join(tmpdir(), database),
    ports: { 'version-publisher': port },
    env: {
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: config.kafka.KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
    },
  });
  await withDatabase(adminUrl, `CREATE DATABASE ${database}`);
  try {
    launcher.start('version-publisher');
    await launcher.waitHealthy(['version-publisher'], 180_000);
    const pid = launcher.pid('version-publisher')!;
    try {
      execFileSync('taskset', ['-acp', '0', String(pid)], { stdio: 'ignore' });
      execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
      console.log(`version-publisher (pid ${pid}) pinned to CPU 0, this client to CPU 1`);
    } catch {
      console.log('taskset unavailable: not pinned (the service runs its JavaScript on one thread anyway)');
    }

    // The service migrated the schemas on start; the reader and the versions go straight in.
    const dataSource = await new DataSource(dataSourceOptions({ url: databaseUrl.toString(), ...IDENTITY_SCHEMA_OWNER, migrations: [] })).initialize();
    const password = `pw-${randomUUID()}`;
    const reader = await new PrincipalRepository(dataSource).create({
      username: `bench-federal-${randomUUID().slice(0, 8)}`,
      password,
      role: 'federal-consumer',
      organisation: 'benchmark federal entity',
      country: 'US',
      federalEntity: 'energy',
    });
    await dataSource.destroy();
    const seeding = Date.now();
    await seed(databaseUrl.toString(), versions);
    console.log(`seeded ${versions} versions (${versions / 2} objects) in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);

    const authorization = `Basic ${Buffer.from(`${reader.username}:${password}`).toString('base64')}`;
    const baseUrl = `http://127.0.0.1:${port}`;
    await pass(baseUrl, authorization, 1000); // warm-up: JIT, connection pool, credential cache
    for (const limit of [1000, 100]) {
      const rates: number[] = [];
      for (let i = 1; i <= PASSES; i++) {
        const result = await pass(baseUrl, authorization, limit);
        if (result.objects !== versions) {
          throw new Error(`pass read ${result.objects} objects, expected ${versions}`);
        }
        const rate = result.objects / result.seconds;
        rates.push(rate);
        console.log(`limit=${limit} pass ${i}: ${result.objects} objects in ${result.pages} pages, ${result.seconds.toFixed(2)} s = ${Math.round(rate)} objects/s`);
      }
      const middle = median(rates);
      console.log(`limit=${limit}: median ${Math.round(middle)} objects/s; target ≥ ${TARGET_PER_SECOND} objects/s → ${(middle / TARGET_PER_SECOND).toFixed(2)}× (≥ 1.00 meets it)`);
    }
  } finally {
    await launcher.stopAll();
    await withDatabase(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await deleteTopics(topicPrefix, config.kafka.KAFKA_BROKERS);
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
