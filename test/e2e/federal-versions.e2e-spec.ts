import { buildEvent, Topics, type FieldOutcome, type ReviewDecidedV1 } from '@ais/contracts';
import { encodeEvent } from '@ais/messaging';
import { TEST_BROKERS, TopicReader, waitFor } from '@ais/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { staleFiles } from '../../deploy/subscribers/generate-acls';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const PORT_BASE = 18680;
const INGEST_COLLECTION = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const VICTIM_TEXT = 'Sent from billing@evil-invoices.biz to jane.doe@victim-corp.com in our finance team.';
const REDACTED_TEXT = 'Sent from billing@evil-invoices.biz to [redacted] in our finance team.';

type StixObject = Record<string, unknown> & { id: string };

interface Envelope<T> {
  eventId: string;
  key: string;
  correlationId: string;
  causationId: string | null;
  data: T;
}

interface PublishedData {
  objectId: string;
  version: string;
  object: StixObject;
  submissionId: string;
}

interface HeldData {
  submissionId: string;
  objectId: string;
  objectVersion: string;
  fields: { path: string }[];
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
 * §2.3.2.2/§2.4 end to end, version-publisher's half: a submission with a field pii-filter holds
 * is published at once without it (output topic and TAXII root `federal`); a review decision —
 * produced here onto the decisions topic as review-service will — brings a second version with the
 * same id and a later `modified` for a release or a redaction, and none for a deletion. Then
 * corroboration across submitters (§2.3.2.3), and the example federal subscriber reading it all.
 */
describe('new STIX versions after review, on the output topic and TAXII root federal', () => {
  const system = new E2eSystem(PORT_BASE);
  const kafka = new Kafka({ clientId: 'e2e-federal-versions', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  let producer: Producer;
  let participant: Account;
  let otherParticipant: Account;
  let federal: Account;
  let reader: TopicReader;
  let objectsPath: string;

  beforeAll(async () => {
    await expectPortsFree(PORT_BASE, 8);
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    otherParticipant = await system.createAccount('participant', { sectors: ['financial-services'], city: 'Charlotte', state: 'NC' });
    federal = await system.createAccount('federal-consumer', { federalEntity: 'homeland-security' });
    reader = await new TopicReader().start([system.topicPrefix + Topics.disseminationPublished, system.topicPrefix + Topics.reviewHeldFields]);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    objectsPath = `/federal/collections/${(collections.body.collections as { id: string }[])[0]!.id}/objects/`;
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await reader?.stop();
    await system.stop();
  }, 60_000);

  const published = () => reader.valuesOn<Envelope<PublishedData>>(system.topicPrefix + Topics.disseminationPublished);
  const versionsOnTopic = (id: string) => published().filter((e) => e.data.objectId === id);

  async function submit(objects: StixObject[], account = participant): Promise<void> {
    const response = await system.taxii('ingest-gateway', INGEST_COLLECTION, account, { method: 'POST', body: { objects } });
    expect(response.status).toBe(202);
  }

  /** An indicator of a phishing sender whose description names a victim: pii-filter holds it. */
  function phish(): StixObject {
    return { ...(indicator() as StixObject), pattern: "[email-addr:value = 'billing@evil-invoices.biz']", description: VICTIM_TEXT };
  }

  /** Submits, and waits for the held field and the first version. */
  async function submitHeld(): Promise<{ object: StixObject; held: HeldData; first: Envelope<PublishedData> }> {
    const object = phish();
    await submit([object]);
    const held = await waitFor(
      () => reader.valuesOn<Envelope<HeldData>>(system.topicPrefix + Topics.reviewHeldFields).find((e) => e.data.objectId === object.id)?.data,
      { timeoutMs: 90_000, description: 'the held description' },
    );
    expect(held.fields.map((f) => f.path)).toEqual(['description']);
    const first = await waitFor(() => versionsOnTopic(object.id)[0], { timeoutMs: 60_000, description: 'the first version' });
    return { object, held, first };
  }

  async function decide(held: HeldData, outcome: FieldOutcome, restored: Record<string, unknown>, partition?: number): Promise<void> {
    const decision: ReviewDecidedV1 = {
      taskId: randomUUID(),
      submissionId: held.submissionId,
      objectId: held.objectId,
      objectVersion: held.objectVersion,
      decidedBy: randomUUID(),
      decidedAt: new Date().toISOString(),
      fields: held.fields.map((field) => ({ path: field.path, outcome })),
      restored,
    };
    const event = buildEvent('ReviewDecided', decision, { key: decision.objectId, producer: 'e2e', correlationId: decision.submissionId, causationId: null, occurredAt: new Date() });
    await producer.send({ topic: system.topicPrefix + Topics.reviewDecisions, messages: [{ ...encodeEvent(event), partition }], acks: -1 });
  }

  async function taxiiObjects(id: string, query = ''): Promise<StixObject[]> {
    const response = await system.taxii('version-publisher', `${objectsPath}${id}/${query}`, federal);
    expect(response.status).toBe(200);
    return (response.body.objects ?? []) as StixObject[];
  }

  /** The first version: on the topic and the TAXII root, without the held field. */
  async function expectFirstWithoutField(object: StixObject, first: Envelope<PublishedData>): Promise<void> {
    expect(first.data.object.description).toBeUndefined();
    expect(first.data.object).toMatchObject({ id: object.id, modified: object.modified, pattern: object.pattern });
    const stored = await waitFor(async () => (await taxiiObjects(object.id))[0], { description: 'the first version on the federal root' });
    expect(stored).toEqual(first.data.object);
  }

  /** The second version: same id, later `modified`, the field as restored; `match[version]=all` gives both. */
  async function expectSecondWith(object: StixObject, first: Envelope<PublishedData>, description: string): Promise<void> {
    const second = await waitFor(() => versionsOnTopic(object.id)[1], { timeoutMs: 60_000, description: 'the second version' });
    expect(versionsOnTopic(object.id)).toHaveLength(2);
    expect(second.key).toBe(object.id);
    expect(second.data.object).toEqual({ ...first.data.object, description, modified: second.data.version });
    expect(Date.parse(second.data.version)).toBeGreaterThan(Date.parse(first.data.version));

    const all = await waitFor(
      async () => {
        const objects = await taxiiObjects(object.id, '?match[version]=all');
        return objects.length === 2 ? objects : undefined;
      },
      { description: 'both versions on the federal root' },
    );
    expect(all).toEqual([first.data.object, second.data.object]);
    expect(await taxiiObjects(object.id)).toEqual([second.data.object]);
    const versions = await system.taxii('version-publisher', `${objectsPath}${object.id}/versions/`, federal);
    expect(versions.body.versions).toEqual([first.data.version, second.data.version]);
  }

  it('keeps deploy/subscribers generated from the seven federal entities', () => {
    expect(staleFiles(join(REPO_ROOT, 'deploy', 'subscribers'))).toEqual([]);
  });

  it('release: the first version goes out without the held field, the second with it, same id, later modified', async () => {
    const { object, held, first } = await submitHeld();
    await expectFirstWithoutField(object, first);

    await decide(held, 'released-related', { description: VICTIM_TEXT });

    await expectSecondWith(object, first, VICTIM_TEXT);
  });

  it('redact: the second version carries the redacted text', async () => {
    const { object, held, first } = await submitHeld();
    await expectFirstWithoutField(object, first);

    await decide(held, 'redacted', { description: REDACTED_TEXT });

    await expectSecondWith(object, first, REDACTED_TEXT);
  });

  it('delete: no new version; the published one already lacks the field', async () => {
    const deleted = await submitHeld();
    const sentinel = await submitHeld();
    await expectFirstWithoutField(deleted.object, deleted.first);

    // Both on one partition: once the release after it is out, the deletion has been handled.
    await decide(deleted.held, 'deleted', {}, 0);
    await decide(sentinel.held, 'released-no-pii', { description: VICTIM_TEXT }, 0);

    await waitFor(() => versionsOnTopic(sentinel.object.id)[1], { timeoutMs: 60_000, description: 'the release after the deletion' });
    expect(versionsOnTopic(deleted.object.id)).toHaveLength(1);
    const versions = await system.taxii('version-publisher', `${objectsPath}${deleted.object.id}/versions/`, federal);
    expect(versions.body.versions).toEqual([deleted.first.data.version]);
    const metrics = await (await fetch(system.url('version-publisher', '/metrics'))).text();
    expect(metrics).toMatch(/ais_publisher_revisions_total\{cause="review",outcome="nothing-restored"[^}]*\} 1\n/);
  });

  it('a decision that arrives before the version it names waits for it (bounded), then applies', async () => {
    const object = indicator() as StixObject;
    const held: HeldData = { submissionId: randomUUID(), objectId: object.id, objectVersion: object.modified as string, fields: [{ path: 'description' }] };

    await decide(held, 'released-no-pii', { description: 'Seen scanning the perimeter.' });
    await submit([object]);

    const second = await waitFor(() => versionsOnTopic(object.id)[1], { timeoutMs: 90_000, description: 'the version after the early decision' });
    const first = versionsOnTopic(object.id)[0]!;
    expect(first.data.object).toMatchObject(object);
    expect(second.data.object).toEqual({ ...first.data.object, description: 'Seen scanning the perimeter.', modified: second.data.version });
    const metrics = await (await fetch(system.url('version-publisher', '/metrics'))).text();
    expect(metrics).toMatch(/ais_publisher_revisions_total\{cause="review",outcome="waiting"[^}]*\} [1-9]/);
  });

  it('corroboration: the same indicator from a second submitter makes a new version of the earliest, with a count and a confidence', async () => {
    const earliest: StixObject = { ...(indicator() as StixObject), pattern: "[ipv4-addr:value = '192.0.2.77' OR ipv4-addr:value = '192.0.2.78']" };
    await submit([earliest]);
    await waitFor(() => versionsOnTopic(earliest.id)[0], { timeoutMs: 60_000, description: 'the earliest indicator published' });
    const again: StixObject = { ...(indicator() as StixObject), pattern: "[ipv4-addr:value='192.0.2.78' or ipv4-addr:value='192.0.2.77']" };
    await submit([again], otherParticipant);

    const enriched = await waitFor(() => versionsOnTopic(earliest.id)[1], { timeoutMs: 60_000, description: 'the corroborated version' });
    expect(enriched.data.object).toMatchObject({ id: earliest.id, pattern: earliest.pattern, x_ais_corroboration_count: 2, confidence: 75 });
    expect(Date.parse(enriched.data.version)).toBeGreaterThan(Date.parse(earliest.modified as string));
    await waitFor(() => versionsOnTopic(again.id)[0], { description: 'the second report published as itself' });
    expect(versionsOnTopic(again.id)).toHaveLength(1);
    const last = await waitFor(async () => (await taxiiObjects(earliest.id)).find((o) => o.x_ais_corroboration_count === 2), { description: 'the corroborated version on the federal root' });
    expect(last.confidence).toBe(75);
  });

  describe('the example federal subscriber', () => {
    let child: ChildProcess | undefined;
    let stateDir: string;

    afterAll(() => {
      if (child !== undefined && child.exitCode === null) {
        child.kill('SIGKILL');
      }
      rmSync(stateDir, { recursive: true, force: true });
    });

    it('reads the topic with its own group, verifies each envelope, and keeps the latest version per STIX id', async () => {
      stateDir = mkdtempSync(join(tmpdir(), 'federal-subscriber-'));
      const stateFile = join(stateDir, 'state.json');
      // Everything published so far (read before the bad record below, which is no JSON)…
      const expected = published();
      const versionsOf = (id: string) => expected.filter((e) => e.data.objectId === id);
      // …and one record that is no envelope at all: counted as rejected, never trusted.
      await producer.send({ topic: system.topicPrefix + Topics.disseminationPublished, messages: [{ key: 'x', value: 'not an envelope' }], acks: -1 });
      const latestById = new Map<string, string>();
      for (const event of expected) {
        const kept = latestById.get(event.data.objectId);
        if (kept === undefined || Date.parse(event.data.version) > Date.parse(kept)) {
          latestById.set(event.data.objectId, event.data.version);
        }
      }

      let stdout = '';
      child = spawn(process.execPath, ['-r', '@swc-node/register', join('examples', 'federal-subscriber', 'src', 'main.ts')], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'),
          AIS_KAFKA_BROKERS: TEST_BROKERS.join(','),
          AIS_SUBSCRIBER_TOPIC: system.topicPrefix + Topics.disseminationPublished,
          AIS_SUBSCRIBER_GROUP: `${system.topicPrefix}federal.homeland-security.example`,
          AIS_SUBSCRIBER_STATE_FILE: stateFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

      interface State {
        latest: Record<string, { version: string; object: StixObject }>;
        totals: { versions: number; rejected: number; newer: number; older: number; same: number };
      }
      const state = await waitFor(
        () => {
          if (!existsSync(stateFile)) {
            return undefined;
          }
          const read = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
          return read.totals.versions >= expected.length && read.totals.rejected >= 1 ? read : undefined;
        },
        { timeoutMs: 60_000, description: 'the subscriber caught up' },
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\nsubscriber stdout:\n${stdout}\nsubscriber stderr:\n${stderr}`);
      });

      expect(state.totals).toMatchObject({ versions: expected.length, rejected: 1 });
      expect(Object.fromEntries(Object.entries(state.latest).map(([id, kept]) => [id, kept.version]))).toEqual(Object.fromEntries(latestById));
      const released = expected.find((e) => e.data.object.description === VICTIM_TEXT && versionsOf(e.data.objectId).length === 2)!;
      expect(state.latest[released.data.objectId]?.object).toEqual(versionsOf(released.data.objectId)[1]!.data.object);

      const stopped = new Promise<number | null>((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await stopped).toBe(0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.at(-1)).toMatchObject({ kind: 'stopped', rejected: 1, versions: expected.length });
      // Its output carries counts and offsets only, never object content.
      expect(stdout).not.toContain('jane.doe');
      expect(stdout).not.toContain('indicator--');
    });
  });
});
