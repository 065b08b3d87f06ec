import { buildEvent, Topics, type ReviewDecidedV1 } from '@ais/contracts';
import { encodeEvent } from '@ais/messaging';
import { TEST_BROKERS, TopicReader, waitFor } from '@ais/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const PORT_BASE = 18780;
const SCRIPT = join(REPO_ROOT, 'test', 'e2e', 'support', 'taxii2-client', 'federal_paging.py');
const INGEST_COLLECTION = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
/** Before anything this test publishes: every version is added after it. */
const EARLY = '2020-01-01T00:00:00Z';

interface Run {
  name: string;
  per_request: number;
  added_after: string;
  pause_seconds?: number;
  /** Stop after page `after_page` until `until_file` exists. */
  hold?: { after_page: number; until_file: string };
}

interface RunResult {
  pages: number;
  sizes: number[];
  versions: [string, string][];
}

interface PagingResult {
  collection: string;
  runs: Record<string, RunResult>;
}

interface Published {
  data: { objectId: string; version: string };
}

interface ManifestRecord {
  id: string;
  version: string;
  date_added: string;
}

/**
 * Runs federal_paging.py with the venv's python; the request goes on stdin. `onPage` hears each
 * page as the client receives it, so the test can insert while paging goes on.
 */
function runClient(python: string, request: unknown, onPage: (run: string, page: number) => void = () => undefined): Promise<PagingResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [SCRIPT], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr += text;
      for (const match of text.matchAll(/^page (\S+) (\d+)$/gm)) {
        onPage(match[1]!, Number(match[2]));
      }
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new Error(`federal_paging.py exited ${code}:\n${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout) as PagingResult);
    });
    child.stdin.end(JSON.stringify(request));
  });
}

const keyOf = ([id, version]: readonly [string, string]): string => `${id}@${version}`;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}


/** E2eSystem would take another run's services on these ports for its own: refuse to start instead. */
async function expectPortsFree(base: number, count: number): Promise<void> {
  for (let port = base; port < base + count; port++) {
    await new Promise<void>((resolve, reject) => {
      const server = createServer();
      server.once('error', () => reject(new Error(`port ${port} is in use: another system runs on ports ${base}–${base + count - 1}`)));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
    });
  }
}

/**
 * taxii2-client (PyPI, `taxii2client.v21`) pages through the federal collection with `as_pages`,
 * `added_after` and `match[version]=all`, and receives every version of every object exactly once:
 * after the versions settle, and while new versions are being added.
 */
describe('federal TAXII root paged by taxii2-client', () => {
  const system = new E2eSystem(PORT_BASE);
  const kafka = new Kafka({ clientId: 'e2e-federal-paging', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  let producer: Producer;
  let python: string;
  let participant: Account;
  let federal: Account;
  let published: TopicReader;
  let collectionId: string;

  beforeAll(async () => {
    python = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'python-env.sh')], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop()!;
    await expectPortsFree(PORT_BASE, 8);
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['financial-services'], city: 'Charlotte', state: 'NC' });
    federal = await system.createAccount('federal-consumer', { federalEntity: 'treasury' });
    published = await new TopicReader().start([system.topicPrefix + Topics.disseminationPublished]);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    collectionId = (collections.body.collections as { id: string }[])[0]!.id;
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await published?.stop();
    await system.stop();
  }, 60_000);

  const publishedVersions = () => published.valuesOn<Published>(system.topicPrefix + Topics.disseminationPublished).map((e) => keyOf([e.data.objectId, e.data.version]));

  async function submit(objects: Record<string, unknown>[]): Promise<void> {
    const response = await system.taxii('ingest-gateway', INGEST_COLLECTION, participant, { method: 'POST', body: { objects } });
    expect(response.status).toBe(202);
  }

  /** A decision as review-service will send it: `description`, then `name`, released on the first version. */
  async function decide(object: Record<string, unknown>, restored: Record<string, unknown>): Promise<void> {
    const decision: ReviewDecidedV1 = {
      taskId: randomUUID(),
      submissionId: randomUUID(),
      objectId: object.id as string,
      objectVersion: object.modified as string,
      decidedBy: randomUUID(),
      decidedAt: new Date().toISOString(),
      fields: Object.keys(restored).map((path) => ({ path, outcome: 'released-no-pii' as const })),
      restored,
    };
    const event = buildEvent('ReviewDecided', decision, { key: decision.objectId, producer: 'e2e', correlationId: decision.submissionId, causationId: null, occurredAt: new Date() });
    await producer.send({ topic: system.topicPrefix + Topics.reviewDecisions, messages: [encodeEvent(event)], acks: -1 });
  }

  /** Every version of the collection, in `date_added` order, read with our own fetches. */
  async function manifest(): Promise<ManifestRecord[]> {
    const records: ManifestRecord[] = [];
    let next: string | undefined;
    do {
      const query = `match[version]=all&limit=50${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
      const page = await system.taxii('version-publisher', `/federal/collections/${collectionId}/manifest/?${query}`, federal);
      records.push(...((page.body.objects ?? []) as ManifestRecord[]));
      next = page.body.more === true ? (page.body.next as string) : undefined;
    } while (next !== undefined);
    return records;
  }

  const versionsOnTopic = (id: string) => published.valuesOn<Published>(system.topicPrefix + Topics.disseminationPublished).filter((e) => e.data.objectId === id).length;

  /** Waits until the repository has stored every version on the topic, and no other. */
  async function settled(): Promise<ManifestRecord[]> {
    return waitFor(
      async () => {
        const records = await manifest();
        return records.length === publishedVersions().length ? records : undefined;
      },
      { timeoutMs: 60_000, description: 'every published version stored' },
    );
  }

  /**
   * Submits `count` indicators and releases two fields of each: three versions per object (the
   * submission's anonymous identity objects come with one version each).
   */
  async function publishVersions(count: number): Promise<void> {
    const objects = Array.from({ length: count }, () => indicator());
    await submit(objects);
    const firsts = objects.map((o) => keyOf([o.id as string, o.modified as string]));
    await waitFor(() => firsts.every((key) => publishedVersions().includes(key)), { timeoutMs: 90_000, description: 'first versions published' });
    for (const object of objects) {
      await decide(object, { description: `Seen scanning from ${object.id as string}` });
      await decide(object, { name: 'Scanning host, reviewed' });
    }
    await waitFor(() => objects.every((o) => versionsOnTopic(o.id as string) === 3), { timeoutMs: 90_000, description: 'three versions of each' });
  }

  it('gives every version exactly once, in date_added order, to as_pages with added_after and match[version]=all', async () => {
    await publishVersions(4);
    await publishVersions(3);
    const records = await settled();
    expect(records.length).toBeGreaterThanOrEqual(21);
    const third = records[2]!;

    const result = await runClient(python, {
      root: system.url('version-publisher', '/federal/'),
      user: federal.username,
      password: federal.password,
      runs: [
        { name: 'all', per_request: 4, added_after: EARLY },
        { name: 'after-third', per_request: 5, added_after: third.date_added },
      ] satisfies Run[],
    });

    expect(result.collection).toBe(collectionId);
    const all = result.runs.all!;
    expect(all.versions.map(keyOf)).toEqual(records.map((r) => keyOf([r.id, r.version])));
    expect(duplicates(all.versions.map(keyOf))).toEqual([]);
    expect(all.sizes).toEqual(Array.from({ length: Math.ceil(records.length / 4) }, (_, i) => Math.min(4, records.length - 4 * i)));
    // added_after is strictly after: the third record and those before it are not sent again.
    expect(result.runs['after-third']!.versions.map(keyOf)).toEqual(records.slice(3).map((r) => keyOf([r.id, r.version])));
    // Versions of one object: same id, strictly later `modified` each time.
    const firstId = records.find((r) => records.filter((other) => other.id === r.id).length === 3)!.id;
    const ofFirst = all.versions.filter(([id]) => id === firstId).map(([, version]) => version);
    expect(ofFirst).toHaveLength(3);
    expect([...ofFirst].sort()).toEqual(ofFirst);
  });

  it('pages stably while new versions are added: no version twice, none skipped, the rest found after the last date_added seen', async () => {
    const before = await manifest();
    const baseline = before.map((r) => keyOf([r.id, r.version]));
    const holdDir = mkdtempSync(join(tmpdir(), 'federal-paging-'));
    const resume = join(holdDir, 'resume');
    let added: string[] = [];
    let inserting: Promise<void> | undefined;

    // The client reads two pages and waits; new objects (three versions each) are stored; it goes
    // on while new versions of earlier objects are being added.
    const concurrent = await runClient(
      python,
      {
        root: system.url('version-publisher', '/federal/'),
        user: federal.username,
        password: federal.password,
        runs: [{ name: 'concurrent', per_request: 3, added_after: EARLY, pause_seconds: 0.3, hold: { after_page: 2, until_file: resume } }] satisfies Run[],
      },
      (_run, page) => {
        if (page === 2) {
          inserting = (async () => {
            await publishVersions(3);
            added = (await settled()).map((r) => keyOf([r.id, r.version])).filter((key) => !baseline.includes(key));
            writeFileSync(resume, '');
            const earlier = before.slice(0, 3);
            const counts = earlier.map((record) => versionsOnTopic(record.id));
            for (const [i, record] of earlier.entries()) {
              await decide({ id: record.id, modified: record.version }, { labels: [`reviewed-${i}`] });
            }
            await waitFor(() => earlier.every((record, i) => versionsOnTopic(record.id) === counts[i]! + 1), { timeoutMs: 60_000, description: 'new versions of earlier objects' });
          })();
        }
      },
    ).finally(() => rmSync(holdDir, { recursive: true, force: true }));
    await inserting;
    const after = await settled();
    expect(added.length).toBeGreaterThanOrEqual(9);
    expect(after.length).toBe(before.length + added.length + 3);

    const seen = concurrent.runs.concurrent!.versions.map(keyOf);
    expect(duplicates(seen)).toEqual([]);
    expect(baseline.filter((key) => !seen.includes(key))).toEqual([]);
    // Versions stored while the client was between pages are in what it received.
    expect(added.filter((key) => !seen.includes(key))).toEqual([]);
    const all = after.map((r) => keyOf([r.id, r.version]));
    expect(seen.filter((key) => !all.includes(key))).toEqual([]);
    // What was seen is exactly a prefix of the collection in date_added order.
    expect(seen).toEqual(all.slice(0, seen.length));

    // Resuming after the last date_added the client saw gives exactly the rest.
    const last = after[seen.length - 1]!;
    const rest = await runClient(python, {
      root: system.url('version-publisher', '/federal/'),
      user: federal.username,
      password: federal.password,
      runs: [{ name: 'rest', per_request: 4, added_after: last.date_added }] satisfies Run[],
    });
    expect([...seen, ...rest.runs.rest!.versions.map(keyOf)]).toEqual(all);
  });
});
