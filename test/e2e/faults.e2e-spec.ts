import { Topics } from '@ais/contracts';
import { createKafka } from '@ais/messaging';
import { uniqueName, waitFor } from '@ais/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT, SERVICES } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { IsolatedStack } from './support/isolated-stack';
import { SubmissionLoad, type SubmittedBundle } from './support/submission-load';

/** Ports given to this spec: services 19380–19386, SMTP 19387, its own Kafka and PostgreSQL. */
const PORT_BASE = 19380;
const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const FEDERAL_MANIFEST = '/federal/collections/5e3f6c1a-2b7d-4c8e-9f0a-1d2c3b4a5e6f/manifest/';
/** "A few hundred objects": the client stops sending new bundles after this many. */
const LOAD_OBJECTS = 400;

interface StatusEntry {
  id: string;
  version: string;
  message?: string;
}
interface StatusResource {
  id: string;
  status: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes?: StatusEntry[];
  failures?: StatusEntry[];
  pendings?: StatusEntry[];
}

/** One version of one object: the id and the version's instant (its `modified`). */
const versionKey = (id: string, version: string) => `${id} ${Date.parse(version)}`;

/**
 * Crash recovery under load: while a TAXII client keeps submitting, each service in turn is
 * killed (SIGKILL) and started again, then the broker and the database are restarted. The
 * system runs on a broker and a database cluster of its own (not the shared ones), so this test
 * can restart them. Afterwards every object the client submitted is published exactly once per
 * version, on the federal root and on the output topic, every status resource is complete and
 * right per object, and the audit projections equal a replay of the log.
 */
describe('fault injection under load', () => {
  const stack = new IsolatedStack(uniqueName('faults'), { kafka: 19392, kafkaController: 19393, postgres: 19394 });
  const system = new E2eSystem(PORT_BASE, { brokers: stack.brokers, adminDatabaseUrl: stack.adminDatabaseUrl });
  const recovery: Record<string, number> = {};
  let participant: Account;
  let federal: Account;
  let auditor: Account;
  let load: SubmissionLoad;

  beforeAll(async () => {
    await stack.start();
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    auditor = await system.createAccount('auditor');
  }, 240_000);

  afterAll(async () => {
    await load?.stop();
    await system.stop().catch(() => undefined);
    await stack.destroy();
  }, 120_000);

  const basic = (account: Account) => `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;

  /** Runs one fault, waits until every service is healthy and the client got a submission through. */
  async function survive(name: string, fault: () => Promise<void>): Promise<void> {
    const began = Date.now();
    await fault();
    await system.launcher.waitHealthy(SERVICES, 120_000);
    await waitFor(() => load.acceptedSince(began) > 0 || load.objectCount >= LOAD_OBJECTS, { timeoutMs: 60_000, description: `a submission accepted after ${name}` });
    recovery[name] = Date.now() - began;
    console.log(`${new Date().toISOString()} recovered from ${name} in ${recovery[name]} ms (${load.objectCount} objects sent)`);
    // Some load between faults, so each fault hits a pipeline with work in it.
    const settled = Date.now();
    await waitFor(() => load.acceptedSince(settled) >= 3 || load.objectCount >= LOAD_OBJECTS, { timeoutMs: 60_000, description: `load after ${name}` });
  }

  it('publishes every object exactly once per version, completes every status and keeps the audit equal to a replay', async () => {
    load = new SubmissionLoad({
      url: system.url('ingest-gateway', INGEST),
      authorization: basic(participant),
      maxObjects: LOAD_OBJECTS,
      paceMs: 300,
      retryForMs: 150_000,
    });
    load.start();
    await waitFor(() => load.acceptedAt.length >= 5, { timeoutMs: 60_000, description: 'the load running' });

    for (const service of SERVICES) {
      await survive(service, async () => {
        await system.launcher.kill(service);
        system.launcher.start(service);
      });
    }
    await survive('kafka', () => stack.restartKafka());
    await survive('postgres', () => stack.restartPostgres());
    await load.stop();
    const faultsEnded = Date.now();

    expect(load.failures).toEqual([]);
    const bundles = load.bundles;
    const published = new Map<string, { id: string; version: string }>();
    const rejectedIds = new Set<string>();
    for (const bundle of bundles) {
      for (const object of bundle.objects) {
        if (bundle.expected === 'published') {
          published.set(versionKey(object.id as string, object.modified as string), { id: object.id as string, version: object.modified as string });
        } else {
          rejectedIds.add(object.id as string);
        }
      }
    }

    // Every status resource the client was given: complete, and right object by object.
    let statuses: StatusResource[] = [];
    await waitFor(
      async () => {
        statuses = await statusesOf(bundles);
        return statuses.every((status) => status.status === 'complete');
      },
      { timeoutMs: 180_000, intervalMs: 2_000, description: 'every status resource complete' },
    ).catch(() => undefined);
    recovery['drain (all statuses complete)'] = Date.now() - faultsEnded;
    expect(statuses.flatMap((status, i) => (status.status === 'complete' ? [] : [`bundle ${i} (${bundles[i]!.expected}): ${JSON.stringify(status)}`]))).toEqual([]);
    bundles.forEach((bundle, i) => expectStatusRight(bundle, statuses[i]!));

    // Every status resource in the database, also of POSTs whose answer never reached the client.
    const database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
    try {
      const open = await database.query(
        `SELECT count(*)::int AS n FROM gateway.status_resources r
         WHERE r.completed_at IS NULL OR EXISTS (SELECT 1 FROM gateway.status_objects o WHERE o.status_id = r.id AND o.state = 'pending')`,
      );
      expect(open.rows[0]).toEqual({ n: 0 });
    } finally {
      await database.end();
    }

    // The federal root: each version once, no rejected object, nothing else.
    const manifest = await waitFor(
      async () => {
        const records = await federalManifest();
        const present = new Set(records.map((record) => versionKey(record.id, record.version)));
        return [...published.keys()].every((key) => present.has(key)) ? records : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 2_000, description: 'every version on the federal root' },
    );
    expect(notOnce(manifest, published.keys())).toEqual([]);

    // The output topic: one IndicatorPublished per version.
    const onTopic = await publishedOnTopic(new Set(published.keys()));
    expect(notOnce(onTopic, published.keys())).toEqual([]);
    expect([...rejectedIds].filter((id) => onTopic.some((record) => record.id === id))).toEqual([]);

    // The audit: at rest, it counts each version on the topic once (those the pipeline adds too), and a replay equals it.
    const counts = await auditAtRest();
    expect(Object.values(counts.published ?? {}).reduce((a, b) => a + b, 0)).toBe(onTopic.length);
    const replay = await auditReplay();
    expect({ code: replay.code, stderr: replay.stderr }).toEqual({ code: 0, stderr: '' });
    expect(replay.stdout).toContain('replay equals live');

    console.log(
      `fault injection: ${bundles.length} bundles, ${load.objectCount} objects, ${published.size} versions published, ${rejectedIds.size} rejected, ` +
        `${load.retries} retried POSTs; recovery (ms): ${JSON.stringify(recovery)}`,
    );
  }, 900_000);

  /** The status resources, a few requests at a time. */
  async function statusesOf(bundles: readonly SubmittedBundle[]): Promise<StatusResource[]> {
    const statuses: StatusResource[] = [];
    for (let i = 0; i < bundles.length; i += 8) {
      statuses.push(...(await Promise.all(bundles.slice(i, i + 8).map((bundle) => statusOf(bundle)))));
    }
    return statuses;
  }

  async function statusOf(bundle: SubmittedBundle): Promise<StatusResource> {
    const response = await system.taxii('ingest-gateway', `/ingest/status/${bundle.statusId!}/`, participant);
    if (response.status !== 200) {
      throw new Error(`status ${bundle.statusId!}: HTTP ${response.status}`);
    }
    return response.body as unknown as StatusResource;
  }

  function expectStatusRight(bundle: SubmittedBundle, status: StatusResource): void {
    const ids = bundle.objects.map((object) => versionKey(object.id as string, object.modified as string)).sort();
    const listed = (entries: StatusEntry[] | undefined) => (entries ?? []).map((entry) => versionKey(entry.id, entry.version)).sort();
    expect({
      total: status.total_count,
      sum: status.success_count + status.failure_count + status.pending_count,
      pending: status.pending_count,
      successes: listed(status.successes),
      failures: listed(status.failures),
    }).toEqual({
      total: bundle.objects.length,
      sum: bundle.objects.length,
      pending: 0,
      successes: bundle.expected === 'published' ? ids : [],
      failures: bundle.expected === 'rejected' ? ids : [],
    });
  }

  /** Every version on the federal root, read page by page. */
  async function federalManifest(): Promise<{ id: string; version: string }[]> {
    const records: { id: string; version: string }[] = [];
    let next: string | undefined;
    do {
      const query = `match[version]=all&limit=1000${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
      const page = await system.taxii('version-publisher', `${FEDERAL_MANIFEST}?${query}`, federal);
      if (page.status !== 200) {
        throw new Error(`federal manifest: HTTP ${page.status}`);
      }
      records.push(...((page.body.objects ?? []) as { id: string; version: string }[]));
      next = page.body.more === true ? (page.body.next as string) : undefined;
    } while (next !== undefined);
    return records;
  }

  /** Reads the output topic from the start until it holds every expected version and nothing more arrives. */
  async function publishedOnTopic(expected: ReadonlySet<string>): Promise<{ id: string; version: string }[]> {
    const kafka = createKafka({ brokers: system.brokers, clientId: 'e2e-faults' });
    const consumer = kafka.consumer({ groupId: uniqueName('faults-reader'), readUncommitted: false, maxWaitTimeInMs: 100 });
    const records: { id: string; version: string }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [system.topicPrefix + Topics.disseminationPublished], fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as { type: string; data: { objectId: string; version: string } };
          if (event.type === 'IndicatorPublished') {
            records.push({ id: event.data.objectId, version: event.data.version });
          }
          return Promise.resolve();
        },
      });
      let seen = -1;
      await waitFor(
        async () => {
          // Everything is drained (all statuses complete): the count only has to stop growing.
          const before = seen;
          seen = records.length;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          const present = new Set(records.map((record) => versionKey(record.id, record.version)));
          return [...expected].every((key) => present.has(key)) && records.length === seen && seen === before;
        },
        { timeoutMs: 120_000, description: 'the output topic read to its end' },
      );
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  async function auditAtRest(): Promise<Record<string, Record<string, number>>> {
    const counts = async () => {
      const response = await fetch(system.url('audit-projector', '/audit/counts'), { headers: { authorization: basic(auditor) } });
      return ((await response.json()) as { totals: Record<string, Record<string, number>> }).totals;
    };
    let before = JSON.stringify(await counts());
    return waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const now = await counts();
        const stable = JSON.stringify(now) === before;
        before = JSON.stringify(now);
        return stable ? now : undefined;
      },
      { timeoutMs: 120_000, description: 'the audit projections at rest' },
    );
  }

  function auditReplay(): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', join('scripts', 'audit-replay.ts')],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATABASE_URL: system.databaseUrl, KAFKA_BROKERS: system.brokers.join(','), KAFKA_TOPIC_PREFIX: system.topicPrefix, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
          timeout: 300_000,
        },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 2, stdout, stderr }),
      );
    });
  }
});

/**
 * What is wrong with these records: a submitted version missing or there more than once, or any
 * other version (objects the pipeline adds, such as the anonymized submitter's) there twice.
 */
function notOnce(records: readonly { id: string; version: string }[], submitted: Iterable<string>): string[] {
  const counts = new Map<string, number>([...submitted].map((key) => [key, 0]));
  const others = new Map<string, number>();
  for (const record of records) {
    const key = versionKey(record.id, record.version);
    const tally = counts.has(key) ? counts : others;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...[...counts].filter(([, n]) => n !== 1), ...[...others].filter(([, n]) => n > 1)].map(([key, n]) => `${key}: ${n} times`);
}
