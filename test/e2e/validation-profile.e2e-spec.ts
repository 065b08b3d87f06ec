import { DEVELOPMENT_ADMIN_TOKEN, DEVELOPMENT_MASTER_KEY } from '@ais/config';
import { Topics, type SealedBlob } from '@ais/contracts';
import { KeyDestroyedError, PostgresKeyStore, Sealer } from '@ais/sealing';
import { TopicReader, waitFor } from '@ais/testing';
import { Client } from 'pg';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator as markedIndicator } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const DAY_MS = 24 * 60 * 60 * 1000;

interface EventJson<D = Record<string, unknown>> {
  eventId: string;
  type: string;
  correlationId: string;
  data: D;
}
interface ValidatedData {
  submissionId: string;
  profileVersion: string;
  objects: Record<string, unknown>[];
  removals: { objectId: string; path: string; reason: string }[];
  failures: { objectId?: string; code: string }[];
}
interface RejectedData {
  submissionId: string;
  reasons: { objectId?: string; code: string; message: string }[];
}

/** The shared TLP:GREEN indicator, with this test's extra properties. */
function indicator(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...markedIndicator(), ...extra };
}

/**
 * schema-validator against the AIS Profile, end to end: pruning to the profile with recorded
 * removals, rejection with crypto-shredding of the raw submission, and profile changes (DHS
 * emergency break fix; 14-day presumed concurrence on the injected clock) reaching the running
 * pipeline without a restart. `AIS_TEST_CLOCK=1` mounts `/test/clock` on schema-validator.
 */
describe('AIS Profile validation and change control', () => {
  const system = new E2eSystem(18480, { env: { AIS_TEST_CLOCK: '1', AIS_PROFILE_TICK_MS: '2000' } });
  const admin = { bearer: DEVELOPMENT_ADMIN_TOKEN };
  let participant: Account;
  let unregistered: Account;
  let dhs: Account;
  let energy: Account;
  let justice: Account;
  let reader: TopicReader;
  let keys: Client;
  let sealer: Sealer;

  const topic = (name: string) => system.topicPrefix + name;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    unregistered = await system.createAccount('participant');
    dhs = await system.createAccount('federal-consumer', { federalEntity: 'homeland-security' });
    energy = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    justice = await system.createAccount('federal-consumer', { federalEntity: 'justice' });
    reader = await new TopicReader().start(
      [Topics.intakeSubmissions, Topics.intakeRejections, Topics.pipelineValidated, Topics.profileChanges, Topics.disseminationPublished].map(topic),
    );
    keys = new Client({ connectionString: system.databaseUrl });
    await keys.connect();
    const sql = { query: async (text: string, parameters?: unknown[]): Promise<unknown> => (await keys.query(text, parameters)).rows as unknown };
    sealer = new Sealer(new PostgresKeyStore(sql, Buffer.from(DEVELOPMENT_MASTER_KEY, 'base64')));
  }, 180_000);

  afterAll(async () => {
    await keys?.end();
    await reader?.stop();
    await system.stop();
  }, 60_000);

  async function submit(objects: unknown[], account: Account = participant): Promise<string> {
    const response = await system.taxii('ingest-gateway', INGEST, account, { method: 'POST', body: { objects } });
    expect(response.status).toBe(202);
    return response.body.id as string;
  }

  function eventFor<D extends { submissionId: string }>(name: string, type: string, submissionId: string): Promise<EventJson<D>> {
    return waitFor(() => reader.valuesOn<EventJson<D>>(topic(name)).find((event) => event.type === type && event.data.submissionId === submissionId), {
      timeoutMs: 60_000,
      description: `${type} of ${submissionId}`,
    });
  }
  const validatedFor = (submissionId: string) => eventFor<ValidatedData>(Topics.pipelineValidated, 'SubmissionValidated', submissionId);
  const rejectedFor = (submissionId: string) => eventFor<RejectedData>(Topics.intakeRejections, 'SubmissionRejected', submissionId);

  /** The board API and the test clock on schema-validator, as a member (Basic) or the bootstrap admin (Bearer). */
  async function board(method: 'GET' | 'POST', path: string, as: Account | typeof admin, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const authorization = 'bearer' in as ? `Bearer ${as.bearer}` : `Basic ${Buffer.from(`${as.username}:${as.password}`).toString('base64')}`;
    const response = await fetch(system.url('schema-validator', path), {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  async function versionInForce(): Promise<number> {
    const versions = await waitFor(async () => {
      const listed = await board('GET', '/profile/versions', participant);
      const all = listed.body as unknown as { version: number }[];
      return Array.isArray(all) && all.length > 0 ? all : undefined;
    }, { description: 'a published profile version' });
    return Math.max(...versions.map((v) => v.version));
  }

  it('publishes a submission without the fields and values outside the profile, and records each removal', async () => {
    const submitted = indicator({ x_acme_ticket: 'INC-4711', lang: 'en', indicator_types: ['malicious-activity', 'made-up-type'] });
    const submissionId = await submit([submitted]);

    const validated = await validatedFor(submissionId);
    const id = submitted.id as string;
    expect(validated.data.removals).toEqual(
      expect.arrayContaining([
        { objectId: id, path: '/x_acme_ticket', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' },
        { objectId: id, path: '/lang', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' },
        { objectId: id, path: '/indicator_types/1', reason: 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY' },
      ]),
    );
    expect(validated.data.removals).toHaveLength(3);
    const [passedOn] = validated.data.objects;
    expect(passedOn).not.toHaveProperty('x_acme_ticket');
    expect(passedOn).not.toHaveProperty('lang');
    expect(passedOn?.indicator_types).toEqual(['malicious-activity']);
    expect(validated.data.profileVersion).toBe('1');

    const published = await waitFor(
      () =>
        reader
          .valuesOn<EventJson<{ objectId: string; object: Record<string, unknown> }>>(topic(Topics.disseminationPublished))
          .find((event) => event.data.objectId === id),
      { timeoutMs: 60_000, description: 'the indicator published' },
    );
    expect(published.data.object).not.toHaveProperty('x_acme_ticket');
    expect(published.data.object).not.toHaveProperty('lang');
    expect(JSON.stringify(published.data.object)).not.toContain('made-up-type');
  });

  it('rejects a submission that misses the minimum AIS Profile content, and its raw content can no longer be opened', async () => {
    const unmarked = indicator();
    delete unmarked.object_marking_refs;
    const submissionId = await submit([unmarked]);

    const rejected = await rejectedFor(submissionId);
    expect(rejected.data.reasons).toEqual([expect.objectContaining({ objectId: unmarked.id, code: 'AIS_PROFILE_TLP_MARKING_MISSING' })]);
    expect(JSON.stringify(rejected)).not.toContain('Scanning host');

    const received = reader
      .valuesOn<EventJson<{ submissionId: string; sealedContent: SealedBlob }>>(topic(Topics.intakeSubmissions))
      .find((event) => event.type === 'SubmissionReceived' && event.data.submissionId === submissionId);
    expect(received).toBeDefined();
    const sealed = received!.data.sealedContent;
    // The key goes once the rejection has committed (after-commit work of the stage).
    await waitFor(() => sealer.open(sealed).then(() => false, (error: unknown) => error instanceof KeyDestroyedError), {
      description: 'the raw submission key destroyed',
    });
    await expect(sealer.open(sealed)).rejects.toBeInstanceOf(KeyDestroyedError);

    const status = await waitFor(async () => {
      const read = await system.taxii('ingest-gateway', `/ingest/status/${submissionId}/`, participant);
      return read.body.status === 'complete' ? read.body : undefined;
    });
    expect(status).toMatchObject({ total_count: 1, success_count: 0, failure_count: 1 });
  });

  it('rejects the submission of a participant who gave neither sector nor location, naming both', async () => {
    const submissionId = await submit([indicator()], unregistered);
    const rejected = await rejectedFor(submissionId);
    expect(rejected.data.reasons.map((reason) => reason.code)).toEqual(['AIS_PROFILE_SUBMITTER_SECTOR_MISSING', 'AIS_PROFILE_SUBMITTER_LOCATION_MISSING']);
  });

  it('applies a DHS emergency break fix to the running pipeline at once, and the next submission carries the new version', async () => {
    const before = await versionInForce();
    const change = { kind: 'delete-property', objectType: 'indicator', property: 'description' };

    const refused = await board('POST', '/profile/emergency-changes', energy, { change, reason: 'not DHS' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'AIS_CCB_DHS_ONLY' } });

    const applied = await board('POST', '/profile/emergency-changes', dhs, { change, reason: 'descriptions carry personal information' });
    expect(applied.status).toBe(201);
    expect(applied.body.version).toBe(before + 1);
    const logged = await waitFor(() => {
      const types = reader
        .valuesOn<EventJson<{ version?: number }>>(topic(Topics.profileChanges))
        .filter((event) => event.data.version === before + 1)
        .map((event) => event.type);
      return types.length >= 2 ? types : undefined;
    }, { description: 'the emergency change on the change-control topic' });
    expect(logged).toEqual(['ProfileEmergencyChangeApplied', 'ProfileVersionPublished']);

    const submitted = indicator({ description: 'Seen scanning port 22' });
    const validated = await validatedFor(await submit([submitted]));
    expect(validated.data.profileVersion).toBe(String(before + 1));
    expect(validated.data.removals).toEqual([{ objectId: submitted.id, path: '/description', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' }]);
    expect(validated.data.objects[0]).not.toHaveProperty('description');

    const current = await board('GET', '/profile/versions/current', participant);
    expect(current.body.version).toBe(before + 1);
  });

  it('accepts an unobjected proposal when its 14 days pass on the injected clock; an objected one waits for the board', async () => {
    const lang = await board('POST', '/profile/proposals', energy, {
      change: { kind: 'add-property', objectType: 'indicator', property: 'lang' },
      rationale: 'The language of an indicator name helps analysts.',
    });
    expect(lang.status).toBe(201);
    const langProposal = lang.body.proposal as { id: string; status: string; objectionDeadline: string; proposedAt: string };
    expect(langProposal.status).toBe('open');
    expect(Date.parse(langProposal.objectionDeadline) - Date.parse(langProposal.proposedAt)).toBe(14 * DAY_MS);

    const yara = await board('POST', '/profile/proposals', energy, {
      change: { kind: 'add-vocabulary-value', vocabulary: 'pattern-type', value: 'yara' },
      rationale: 'YARA rules are common defensive measures.',
    });
    const yaraId = (yara.body.proposal as { id: string }).id;
    const objection = await board('POST', `/profile/proposals/${yaraId}/objections`, justice, { reason: 'YARA rules may quote file content.' });
    expect(objection.status).toBe(201);
    expect(objection.body.proposal).toMatchObject({ status: 'objected' });
    expect((await board('POST', `/profile/proposals/${yaraId}/objections`, energy, { reason: 'own' })).body.code).toBe('AIS_CCB_OWN_PROPOSAL');

    const thirteenDays = await board('POST', '/test/clock/advance', admin, { days: 13 });
    expect(thirteenDays.status).toBe(201);
    expect((await board('GET', `/profile/proposals/${langProposal.id}`, energy)).body.proposal).toMatchObject({ status: 'open' });

    const before = await versionInForce();
    // The endpoint's tick runs after any periodic tick in progress: by its answer the window has closed.
    const fifteenDays = await board('POST', '/test/clock/advance', admin, { days: 2 });
    expect(fifteenDays.status).toBe(201);
    const accepted = await board('GET', `/profile/proposals/${langProposal.id}`, energy);
    expect(accepted.body.proposal).toMatchObject({ status: 'accepted', basis: 'presumed-concurrence', version: before + 1 });
    expect((accepted.body.history as { type: string }[]).map((entry) => entry.type)).toEqual(['ProfileChangeProposed', 'ProfileChangeAccepted', 'ProfileVersionPublished']);
    expect((await board('GET', `/profile/proposals/${yaraId}`, energy)).body.proposal).toMatchObject({ status: 'objected' });

    const submitted = indicator({ lang: 'en' });
    const validated = await validatedFor(await submit([submitted]));
    expect(validated.data.profileVersion).toBe(String(before + 1));
    expect(validated.data.objects[0]).toMatchObject({ lang: 'en' });
    expect(validated.data.removals).toEqual([]);
  });
});
