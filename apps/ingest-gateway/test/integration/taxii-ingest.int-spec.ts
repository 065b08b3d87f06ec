import { buildEvent, Topics, type EventOf, type SubmissionConcludedV1 } from '@ais/contracts';
import { EventPublisher, MessagingMetrics } from '@ais/messaging';
import { TEST_BROKERS, TopicReader, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { dataSourceOptions } from '@ais/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_SCHEMA } from '../../src/migrations';
import { StatusRepository } from '../../src/status/status.repository';
import { ReceivedWriter, type ReceivedWrite } from '../../src/submit/received-writer';
import { GatewayUnderTest } from '../support/gateway-under-test';
import { TAXII, type Account, type HttpResult } from '../support/http-client';
import { createTestCertificates, type TestCertificates } from '../support/test-certificates';

const COLLECTION = '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41';
const OBJECTS = `/ingest/collections/${COLLECTION}/objects/`;
/** 720 KiB: the largest body whose sealed submission is sure to fit one 1 MiB log record. */
const MAX_CONTENT_LENGTH = 720 * 1024;
const ANY_STRING: unknown = expect.any(String);
/** Planted in refused bodies: no error description may repeat it. */
const MARKER = 'secret-marker-7c1e';

function indicator(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: now,
    modified: now,
    name: 'test indicator',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: now,
    ...overrides,
  };
}

/** A TAXII error resource, as TAXII 2.1 §3.6.1 shapes it, with our stable code. */
function expectTaxiiError(response: HttpResult, status: number, errorCode?: string): void {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({ status, contentType: TAXII });
  expect(response.body).toMatchObject({ title: ANY_STRING, http_status: String(status) });
  if (errorCode !== undefined) {
    expect(response.body.error_code).toBe(errorCode);
  }
  expect(response.text).not.toContain(MARKER);
}

/**
 * The TAXII 2.1 ingest root of ingest-gateway over real HTTP (and HTTPS with client
 * certificates), against the real broker and PostgreSQL: every error case of the checklist, the
 * service still answering after each, exact duplicates, and the status projection.
 */
describe('ingest-gateway TAXII 2.1 ingest root', () => {
  let certificates: TestCertificates;
  let gateway: GatewayUnderTest;
  let participant: Account & { id: string };
  let otherParticipant: Account & { id: string };
  let certParticipant: Account & { id: string };
  let federal: Account;
  let analyst: Account;
  let submissions: TopicReader;
  let publisher: EventPublisher;
  const kafka = new Kafka({ clientId: 'igw-int', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    certificates = createTestCertificates();
    gateway = await GatewayUnderTest.start({ certificates });
    participant = await gateway.createAccount('participant', { sectors: ['energy'] });
    otherParticipant = await gateway.createAccount('participant');
    certParticipant = await gateway.createAccount('participant', { clientCertificateSha256: certificates.clients[0].sha256 });
    federal = await gateway.createAccount('federal-consumer', { federalEntity: 'energy' });
    analyst = await gateway.createAccount('analyst');
    submissions = await new TopicReader().start([gateway.topicPrefix + Topics.intakeSubmissions]);
    publisher = new EventPublisher(kafka, new MessagingMetrics(new Registry()), gateway.topicPrefix);
  }, 120_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await submissions?.stop();
    await gateway?.stop();
    certificates?.remove();
  }, 60_000);

  const received = () => submissions.valuesOn<EventOf<'SubmissionReceived'>>(gateway.topicPrefix + Topics.intakeSubmissions);

  async function post(objects: unknown[], account: Account = participant): Promise<Record<string, unknown>> {
    const response = await gateway.taxii(OBJECTS, { method: 'POST', account, body: { objects } });
    expect(response.status).toBe(202);
    expect(response.headers['content-type']).toBe(TAXII);
    return response.body;
  }

  /** The service is unharmed: a valid submission right after is accepted. */
  async function stillAccepts(): Promise<void> {
    const status = await post([indicator()]);
    expect(status).toMatchObject({ status: 'pending', total_count: 1, pending_count: 1 });
  }

  /** Waits until the reader has every record the intake topic holds right now. */
  async function intakeCaughtUp(): Promise<void> {
    const topic = gateway.topicPrefix + Topics.intakeSubmissions;
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const expected = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    await waitFor(() => submissions.on(topic).length >= expected, { description: 'intake topic read to its end' });
  }

  /** What version-publisher writes once a submission's objects are published (or failed, or replaced). */
  async function concludeAs(submissionId: string, outcome: Partial<Omit<SubmissionConcludedV1, 'submissionId'>>): Promise<string> {
    const occurredAt = new Date();
    await publisher.publish([
      buildEvent(
        'SubmissionConcluded',
        { submissionId, published: [], failures: [], replaced: [], ...outcome },
        { key: submissionId, producer: 'version-publisher', correlationId: submissionId, causationId: null, occurredAt },
      ),
    ]);
    return occurredAt.toISOString();
  }

  function publishAs(submissionId: string, object: Record<string, unknown>): Promise<string> {
    return concludeAs(submissionId, { published: [{ objectId: object.id as string, sourceObjectId: object.id as string, version: object.modified as string }] });
  }

  async function statusOf(id: string, account: Account = participant): Promise<Record<string, unknown>> {
    const response = await gateway.taxii(`/ingest/status/${id}/`, { account });
    expect(response.status).toBe(200);
    return response.body;
  }

  describe('resources', () => {
    it.each(['/taxii2/', '/taxii2'])('serves discovery at %s listing both API roots as absolute URLs', async (path) => {
      const response = await gateway.taxii(path, { account: participant });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(TAXII);
      expect(response.body).toMatchObject({ title: 'AIS Exchange', default: gateway.url('/ingest/') });
      expect(response.body.api_roots).toEqual([gateway.url('/ingest/'), 'http://127.0.0.1:8085/federal/']);
    });

    it('serves the API root, the collections and the collection, with and without trailing slashes', async () => {
      for (const path of ['/ingest/', '/ingest']) {
        const root = await gateway.taxii(path, { account: participant });
        expect(root.status).toBe(200);
        expect(root.body).toEqual({ title: ANY_STRING, description: ANY_STRING, versions: [TAXII], max_content_length: MAX_CONTENT_LENGTH });
      }
      const expected = { id: COLLECTION, title: ANY_STRING, can_read: false, can_write: true, media_types: ['application/stix+json;version=2.1'] };
      for (const path of ['/ingest/collections/', '/ingest/collections']) {
        const collections = await gateway.taxii(path, { account: participant });
        expect(collections.status).toBe(200);
        expect(collections.body.collections).toEqual([expect.objectContaining(expected)]);
      }
      for (const path of [`/ingest/collections/${COLLECTION}/`, `/ingest/collections/${COLLECTION}`]) {
        const collection = await gateway.taxii(path, { account: participant });
        expect(collection.status).toBe(200);
        expect(collection.headers['content-type']).toBe(TAXII);
        expect(collection.body).toMatchObject(expected);
      }
    });

    it('shows a federal consumer the collection with can_write false, and refuses its POST with 403', async () => {
      const collection = await gateway.taxii(`/ingest/collections/${COLLECTION}/`, { account: federal });
      expect(collection.body).toMatchObject({ can_read: false, can_write: false });
      const listed = await gateway.taxii('/ingest/collections/', { account: federal });
      expect(listed.body.collections).toEqual([expect.objectContaining({ can_write: false })]);
      const refused = await gateway.taxii(OBJECTS, { method: 'POST', account: federal, body: { objects: [indicator()] } });
      expectTaxiiError(refused, 403, 'AIS_TAXII_COLLECTION_NOT_WRITABLE');
      await stillAccepts();
    });

    it('answers a POST with 202 and a pending status whose counts add up, served with and without the trailing slash', async () => {
      const objects = [indicator(), indicator(), { type: 'note', note: 'no id' }];
      const status = await post(objects);
      expect(status).toMatchObject({ status: 'pending', total_count: 3, success_count: 0, failure_count: 0, pending_count: 3 });
      expect(status.request_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect((status.pendings as { id: string; version: string }[]).map((p) => p.id)).toEqual([objects[0]!.id, objects[1]!.id, 'objects[2]']);
      expect(status).not.toHaveProperty('successes');
      expect(status).not.toHaveProperty('failures');
      for (const path of [`/ingest/status/${status.id as string}`, `/ingest/status/${status.id as string}/`]) {
        const again = await gateway.taxii(path, { account: participant });
        expect(again.status).toBe(200);
        expect(again.headers['content-type']).toBe(TAXII);
        expect(again.body).toEqual(status);
      }
      await waitFor(() => received().find((e) => e.data.submissionId === status.id), { description: 'SubmissionReceived' });
      expect(received().find((e) => e.data.submissionId === status.id)?.data.objectCount).toBe(3);
    });

    it('accepts a STIX bundle and the Content-Type AIS clients send', async () => {
      const response = await gateway.taxii(OBJECTS, {
        method: 'POST',
        account: participant,
        headers: { 'content-type': 'application/taxii+json; charset=utf-8; version=2.1', accept: 'application/taxii+json' },
        body: { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [indicator()] },
      });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ total_count: 1 });
    });
  });

  describe('errors: each a TAXII error resource with the TAXII media type, and the service unharmed', () => {
    it('401 with WWW-Authenticate for missing or wrong credentials, everywhere', async () => {
      const wrong = { username: participant.username, password: 'not-the-password' };
      for (const [method, path] of [
        ['GET', '/taxii2/'],
        ['GET', '/ingest/'],
        ['GET', '/ingest/collections/'],
        ['POST', OBJECTS],
        ['GET', `/ingest/status/${randomUUID()}/`],
        ['GET', '/ingest/no-such-thing/'],
      ] as const) {
        for (const account of [undefined, wrong]) {
          const response = await gateway.taxii(path, { method, account, ...(method === 'POST' ? { body: { objects: [indicator()] } } : {}) });
          expectTaxiiError(response, 401, 'AIS_HTTP_401');
          expect(response.headers['www-authenticate']).toMatch(/^Basic realm=/);
        }
      }
      await stillAccepts();
    });

    it('403 for a role without access, and for every read of the write-only collection', async () => {
      expectTaxiiError(await gateway.taxii('/taxii2/', { account: analyst }), 403, 'AIS_HTTP_403');
      expectTaxiiError(await gateway.taxii(`/ingest/status/${randomUUID()}/`, { account: federal }), 403, 'AIS_HTTP_403');
      const objectPath = `/ingest/collections/${COLLECTION}/objects/indicator--${randomUUID()}/`;
      for (const [method, path] of [
        ['GET', OBJECTS],
        ['GET', `/ingest/collections/${COLLECTION}/manifest/`],
        ['GET', objectPath],
        ['GET', `${objectPath}versions/`],
        ['DELETE', objectPath],
      ] as const) {
        const response = await gateway.taxii(path, { method, account: participant });
        expectTaxiiError(response, 403, 'AIS_TAXII_COLLECTION_NOT_READABLE');
        expect(response.body.description).toContain('can_read is false');
      }
      await stillAccepts();
    });

    it('404 for an unknown collection, status or path', async () => {
      const unknownCollection = `/ingest/collections/${randomUUID()}/`;
      expectTaxiiError(await gateway.taxii(unknownCollection, { account: participant }), 404, 'AIS_TAXII_UNKNOWN_COLLECTION');
      expectTaxiiError(await gateway.taxii(`${unknownCollection}objects/`, { method: 'POST', account: participant, body: { objects: [indicator()] } }), 404, 'AIS_TAXII_UNKNOWN_COLLECTION');
      expectTaxiiError(await gateway.taxii(`${unknownCollection}objects/`, { account: participant }), 404, 'AIS_TAXII_UNKNOWN_COLLECTION');
      expectTaxiiError(await gateway.taxii(`/ingest/status/${randomUUID()}/`, { account: participant }), 404, 'AIS_TAXII_UNKNOWN_STATUS');
      expectTaxiiError(await gateway.taxii('/ingest/status/not-a-uuid', { account: participant }), 404, 'AIS_TAXII_UNKNOWN_STATUS');
      expectTaxiiError(await gateway.taxii('/ingest/nothing/here/', { account: participant }), 404, 'AIS_TAXII_UNKNOWN_ENDPOINT');
      expectTaxiiError(await gateway.taxii('/taxii2/nothing/', { account: participant }), 404, 'AIS_TAXII_UNKNOWN_ENDPOINT');
      // Someone else's status does not exist for this caller.
      const theirs = await post([indicator()], otherParticipant);
      expectTaxiiError(await gateway.taxii(`/ingest/status/${theirs.id as string}/`, { account: participant }), 404, 'AIS_TAXII_UNKNOWN_STATUS');
      await stillAccepts();
    });

    it('406 when Accept allows no TAXII 2.1 type, before the body is read', async () => {
      for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html', 'application/taxii+json;version=2.1;q=0']) {
        expectTaxiiError(await gateway.taxii('/taxii2/', { account: participant, headers: { accept } }), 406, 'AIS_TAXII_NOT_ACCEPTABLE');
        expectTaxiiError(await gateway.taxii(OBJECTS, { method: 'POST', account: participant, headers: { accept }, body: { objects: [indicator()] } }), 406);
      }
      await stillAccepts();
    });

    it('415 when the POST is not TAXII JSON', async () => {
      for (const contentType of ['application/json', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.0', 'text/plain', undefined]) {
        const response = await gateway.taxii(OBJECTS, { method: 'POST', account: participant, headers: { 'content-type': contentType }, body: { objects: [indicator()] } });
        expectTaxiiError(response, 415, 'AIS_TAXII_UNSUPPORTED_MEDIA_TYPE');
      }
      await stillAccepts();
    });

    it('413 for a declared Content-Length over max_content_length, without reading the body, and closes the connection', async () => {
      const response = await gateway.taxii(OBJECTS, {
        method: 'POST',
        account: participant,
        headers: { 'content-length': String(MAX_CONTENT_LENGTH + 1) },
        stream: { chunk: Buffer.alloc(64 * 1024, 0x20), count: 1, end: false },
      });
      expectTaxiiError(response, 413, 'AIS_TAXII_PAYLOAD_TOO_LARGE');
      expect(response.headers.connection).toBe('close');
      await stillAccepts();
    });

    it('413 for a chunked body that grows past max_content_length, cut off while it streams', async () => {
      const response = await gateway.taxii(OBJECTS, {
        method: 'POST',
        account: participant,
        stream: { chunk: Buffer.alloc(1024 * 1024, 0x20), count: 64 },
      });
      expectTaxiiError(response, 413, 'AIS_TAXII_PAYLOAD_TOO_LARGE');
      expect(response.headers.connection).toBe('close');
      await stillAccepts();
    });

    const deep = (levels: number) => `{"objects":[${'['.repeat(levels)}${']'.repeat(levels)}]}`;
    it.each([
      ['invalid UTF-8', Buffer.concat([Buffer.from(`{"objects":[{"name":"${MARKER}`), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]), 'AIS_TAXII_BODY_NOT_UTF8'],
      ['not JSON', `{"objects":[{"name":"${MARKER}"}`, 'AIS_TAXII_BODY_NOT_JSON'],
      ['a JSON array', `[{"name":"${MARKER}"}]`, 'AIS_TAXII_NOT_AN_ENVELOPE'],
      ['no objects', `{"more":"${MARKER}"}`, 'AIS_TAXII_NO_OBJECTS'],
      ['an empty objects list', '{"objects":[]}', 'AIS_TAXII_NO_OBJECTS'],
      ['nesting deeper than 64', deep(64), 'AIS_TAXII_JSON_TOO_DEEP'],
      // As deep as max_content_length allows (600 KB).
      ['300 000 levels of nesting', deep(300_000), 'AIS_TAXII_JSON_TOO_DEEP'],
      ['more than 200000 values', `{"objects":[{"x_values":[${Array(200_000).fill('0').join(',')}]}]}`, 'AIS_TAXII_JSON_TOO_MANY_VALUES'],
      ['more than 10000 objects', `{"objects":[${Array(10_001).fill('{}').join(',')}]}`, 'AIS_TAXII_TOO_MANY_OBJECTS'],
      ['a __proto__ key', `{"objects":[{"__proto__":{"name":"${MARKER}"}}]}`, 'AIS_TAXII_FORBIDDEN_PROPERTY_NAME'],
      ['a constructor key', '{"objects":[{"constructor":{"prototype":{"polluted":true}}}]}', 'AIS_TAXII_FORBIDDEN_PROPERTY_NAME'],
      ['an escaped __proto__ key', '{"objects":[{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true}}]}', 'AIS_TAXII_FORBIDDEN_PROPERTY_NAME'],
      ['a NUL character in an id', `{"objects":[{"type":"indicator","id":"indicator--${randomUUID()}\\u0000","name":"${MARKER}"}]}`, 'AIS_TAXII_JSON_NUL_CHARACTER'],
    ])('422 for %s, naming the rule', async (_label, body, errorCode) => {
      const response = await gateway.taxii(OBJECTS, { method: 'POST', account: participant, body: Buffer.isBuffer(body) ? body : Buffer.from(body) });
      expectTaxiiError(response, 422, errorCode);
      expect(response.body.description).toEqual(ANY_STRING);
      await stillAccepts();
    });

    it('accepts envelopes right at the limits', async () => {
      const atDepth = `{"objects":[${'['.repeat(62)}${']'.repeat(62)}]}`;
      expect((await gateway.taxii(OBJECTS, { method: 'POST', account: participant, body: Buffer.from(atDepth) })).status).toBe(202);
      const manyObjects = `{"objects":[${Array(10_000).fill('{}').join(',')}]}`;
      const response = await gateway.taxii(OBJECTS, { method: 'POST', account: participant, body: Buffer.from(manyObjects) });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ total_count: 10_000, pending_count: 10_000 });
    });

    it('accepts a body of exactly max_content_length and writes its sealed submission as one log record', async () => {
      const shell = (padding: string) => JSON.stringify({ objects: [indicator({ description: padding })] });
      const body = Buffer.from(shell('x'.repeat(MAX_CONTENT_LENGTH - Buffer.byteLength(shell('')))));
      expect(body.length).toBe(MAX_CONTENT_LENGTH);
      const response = await gateway.taxii(OBJECTS, { method: 'POST', account: participant, body });
      expect(response.status).toBe(202);
      const event = await waitFor(() => received().find((e) => e.data.submissionId === response.body.id));
      expect(event.data.objectCount).toBe(1);
    });

    it('413 when the sealed submission outgrows one log record (1 MiB), keeping nothing of it', async () => {
      // Within every JSON limit and under max_content_length (300 KB), but 1.3 MB once re-serialised
      // for sealing: JSON.stringify writes 1e20 as 21 digits. The broker refuses the record.
      const numbers = Array(60_000).fill('1e20').join(',');
      const body = Buffer.from(`{"objects":[{"type":"indicator","id":"indicator--${randomUUID()}","name":"${MARKER}","x_numbers":[${numbers}]}]}`);
      expect(body.length).toBeLessThan(MAX_CONTENT_LENGTH);
      await intakeCaughtUp();
      const before = received().length;
      const response = await gateway.taxii(OBJECTS, { method: 'POST', account: participant, body });
      expectTaxiiError(response, 413, 'AIS_TAXII_PAYLOAD_TOO_LARGE');
      await stillAccepts();
      await intakeCaughtUp();
      // Only the submission stillAccepts made reached the log.
      expect(received().length).toBe(before + 1);
    });
  });

  describe('exact duplicates and status completion', () => {
    const DUPLICATE = 'duplicate of an accepted version';

    it('completes a status from one conclusion: objects published, failed on the way, and replaced', async () => {
      const [published, dropped, identity] = [indicator(), indicator(), indicator()];
      const status = await post([published, dropped, identity]);
      const nuisance = { objectId: dropped.id as string, code: 'AIS_SCREENING_NUISANCE_INDICATOR', message: 'dropped as a nuisance indicator' };
      const replacement = { objectId: identity.id as string, code: 'AIS_ANONYMIZED_SUBMITTER_IDENTITY', message: 'replaced by an anonymous identity' };
      await concludeAs(status.id as string, {
        published: [{ objectId: published.id as string, sourceObjectId: published.id as string, version: published.modified as string }],
        failures: [nuisance],
        replaced: [replacement],
      });
      const completed = await waitFor(async () => {
        const body = await statusOf(status.id as string);
        return body.status === 'complete' ? body : undefined;
      });
      expect(completed).toMatchObject({
        total_count: 3,
        success_count: 2,
        failure_count: 1,
        pending_count: 0,
        failures: [{ id: dropped.id, message: nuisance.message }],
        // In submission order.
        successes: [{ id: published.id }, { id: identity.id, message: replacement.message }],
      });
      // Only the object published as itself joins the exact-duplicate register.
      expect(await post([published])).toMatchObject({ status: 'complete', successes: [{ id: published.id, message: DUPLICATE }] });
      expect(await post([identity])).toMatchObject({ status: 'pending', pending_count: 1 });
    });

    it('completes a status whose objects all failed on the way, with nothing published', async () => {
      const only = indicator();
      const status = await post([only]);
      await concludeAs(status.id as string, { failures: [{ objectId: only.id as string, code: 'AIS_SCREENING_NUISANCE_INDICATOR', message: 'dropped as a nuisance indicator' }] });
      const completed = await waitFor(async () => {
        const body = await statusOf(status.id as string);
        return body.status === 'complete' ? body : undefined;
      });
      expect(completed).toMatchObject({ total_count: 1, success_count: 0, failure_count: 1, pending_count: 0 });
    });

    it('reports a re-posted accepted version as a success, without sending it through the pipeline again', async () => {
      const first = indicator();
      const status = await post([first]);
      const occurredAt = await publishAs(status.id as string, first);
      const completed = await waitFor(async () => {
        const body = await statusOf(status.id as string);
        return body.status === 'complete' ? body : undefined;
      });
      expect(completed).toMatchObject({ total_count: 1, success_count: 1, pending_count: 0, successes: [{ id: first.id, version: first.modified }] });
      const [row] = await gateway.query<{ completed_at: Date }>('SELECT completed_at FROM gateway.status_resources WHERE id = $1', [status.id]);
      expect(row?.completed_at.toISOString()).toBe(occurredAt);

      // The same version again, alone: complete at once, and no new submission in the log.
      const duplicate = await post([first]);
      expect(duplicate).toMatchObject({
        status: 'complete',
        total_count: 1,
        success_count: 1,
        failure_count: 0,
        pending_count: 0,
        successes: [{ id: first.id, version: first.modified, message: DUPLICATE }],
      });
      await intakeCaughtUp();
      expect(received().filter((e) => e.data.submissionId === duplicate.id)).toEqual([]);

      // Beside a new object: only the new one travels.
      const fresh = indicator();
      const mixed = await post([first, fresh]);
      expect(mixed).toMatchObject({ status: 'pending', total_count: 2, success_count: 1, pending_count: 1, pendings: [{ id: fresh.id }] });
      // The POST answers with the status as written, and a GET reads the same back.
      expect(await statusOf(mixed.id as string)).toEqual(mixed);
      const event = await waitFor(() => received().find((e) => e.data.submissionId === mixed.id));
      expect(event.data.objectCount).toBe(1);

      // A new version of the same object is no duplicate, and neither is another participant's post.
      const newer = { ...first, modified: new Date(Date.parse(first.modified as string) + 1000).toISOString() };
      expect(await post([newer])).toMatchObject({ status: 'pending', pending_count: 1 });
      expect(await post([first], otherParticipant)).toMatchObject({ status: 'pending', pending_count: 1 });

      // POSTs at the same moment share one lookup; each is answered for its own participant.
      const [again, theirs, mineMixed] = await Promise.all([post([first]), post([first], otherParticipant), post([fresh, first])]);
      expect(again).toMatchObject({ status: 'complete', success_count: 1, successes: [{ id: first.id, message: DUPLICATE }] });
      expect(theirs).toMatchObject({ status: 'pending', pending_count: 1 });
      expect(mineMixed).toMatchObject({ status: 'pending', pending_count: 1, pendings: [{ id: fresh.id }], successes: [{ id: first.id, message: DUPLICATE }] });
    });
  });

  describe('writing the POSTs of one moment together', () => {
    function receivedWrite(principalId: string, ciphertextBytes: number): ReceivedWrite {
      const id = randomUUID();
      const now = new Date();
      const sealedContent = { keyId: randomUUID(), iv: 'aXZpdml2aXZpdml2', tag: 'dGFndGFndGFndGFndGFn', ciphertext: Buffer.alloc(ciphertextBytes, 1).toString('base64') };
      return {
        status: { id, principalId, objects: [{ id: `indicator--${randomUUID()}`, version: now.toISOString() }], requestedAt: now },
        event: buildEvent(
          'SubmissionReceived',
          { submissionId: id, channel: 'taxii', principalId, objectCount: 1, receivedAt: now.toISOString(), sealedContent },
          { key: id, producer: 'ingest-gateway', correlationId: id, causationId: null, occurredAt: now },
        ),
      };
    }

    it('commits each status with its event, and fails alone the POST whose record the log refuses, keeping none of its rows', async () => {
      const dataSource = await new DataSource(dataSourceOptions({ url: gateway.databaseUrl, schema: GATEWAY_SCHEMA, migrations: [] })).initialize();
      try {
        const writer = new ReceivedWriter(dataSource, new StatusRepository(dataSource), publisher);
        const [before, tooLarge, after] = [receivedWrite(certParticipant.id, 100), receivedWrite(certParticipant.id, 1_200_000), receivedWrite(certParticipant.id, 100)];

        const results = await Promise.allSettled([before, tooLarge, after].map((write) => writer.write(write)));

        expect(results.map((r) => (r.status === 'fulfilled' ? 'written' : (r.reason as { type?: string }).type))).toEqual(['written', 'MESSAGE_TOO_LARGE', 'written']);
        const rows = async (id: string) => (await gateway.query<{ n: number }>('SELECT count(*)::int AS n FROM gateway.status_objects WHERE status_id = $1', [id]))[0]?.n;
        expect([await rows(before.status.id), await rows(tooLarge.status.id), await rows(after.status.id)]).toEqual([1, 0, 1]);
        expect((await statusOf(before.status.id, certParticipant)).status).toBe('pending');
        await waitFor(() => received().some((e) => e.data.submissionId === after.status.id));
        await intakeCaughtUp();
        expect(received().some((e) => e.data.submissionId === tooLarge.status.id)).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  describe('client certificates on the HTTPS listener', () => {
    const [registered, unregistered] = [0, 1] as const;

    it('authenticates a verified, registered certificate without a password', async () => {
      const client = certificates.clients[registered];
      const discovery = await gateway.taxiiTls('/taxii2/', { cert: client.cert, key: client.key });
      expect(discovery.status).toBe(200);
      // Discovery on the HTTPS listener points at the ingest root on that listener.
      expect(discovery.body).toMatchObject({ default: gateway.tlsUrl('/ingest/'), api_roots: [gateway.tlsUrl('/ingest/'), 'http://127.0.0.1:8085/federal/'] });
      const response = await gateway.taxiiTls(OBJECTS, { method: 'POST', cert: client.cert, key: client.key, body: { objects: [indicator()] } });
      expect(response.status).toBe(202);
      // The status belongs to the certificate's principal.
      expect((await gateway.taxii(`/ingest/status/${response.body.id as string}/`, { account: certParticipant })).status).toBe(200);
      expect((await gateway.taxii(`/ingest/status/${response.body.id as string}/`, { account: participant })).status).toBe(404);
    });

    it('falls back to Basic for an unregistered certificate, no certificate, or one the CA did not sign', async () => {
      const other = certificates.clients[unregistered];
      expectTaxiiError(await gateway.taxiiTls('/taxii2/', { cert: other.cert, key: other.key }), 401);
      expect((await gateway.taxiiTls('/taxii2/', { cert: other.cert, key: other.key, account: participant })).status).toBe(200);
      expectTaxiiError(await gateway.taxiiTls('/taxii2/'), 401);
      expect((await gateway.taxiiTls('/taxii2/', { account: participant })).status).toBe(200);

      // Registered but self-signed: never verified, so never mapped.
      await gateway.createAccount('participant', { clientCertificateSha256: certificates.rogue.sha256.replace(/:/g, '').toLowerCase() });
      const rogue = certificates.rogue;
      expectTaxiiError(await gateway.taxiiTls('/taxii2/', { cert: rogue.cert, key: rogue.key }), 401);
      expect((await gateway.taxiiTls('/taxii2/', { cert: rogue.cert, key: rogue.key, account: participant })).status).toBe(200);
    });

    it('registers a certificate once, and refuses what is not a SHA-256 fingerprint', async () => {
      const base = { password: 'a-long-enough-password', role: 'participant', organisation: 'x', country: 'US' };
      const taken = await gateway.admin({ ...base, username: `dup-${randomUUID().slice(0, 8)}`, clientCertificateSha256: certificates.clients[registered].sha256 });
      expect(taken.status).toBe(409);
      const malformed = await gateway.admin({ ...base, username: `bad-${randomUUID().slice(0, 8)}`, clientCertificateSha256: 'abc' });
      expect(malformed.status).toBe(400);
      expect(malformed.text).toContain('clientCertificateSha256');
    });
  });
});
