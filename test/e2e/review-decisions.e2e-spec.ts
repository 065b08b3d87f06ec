import { waitFor } from '@ais/testing';
import { AnalystApi, type HeldTaskView } from './support/analyst-api';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';

/** §2.3.2.2 end to end through the analyst API: held → decided → a new version, same id. */
describe('review decisions on withheld fields', () => {
  const system = new E2eSystem(18980);
  let participant: Account;
  let analystApi: AnalystApi;
  let federal: Account;
  let objectsPath: string;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analystApi = new AnalystApi(system, await system.createAccount('analyst'));
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    objectsPath = `/federal/collections/${(collections.body.collections as { id: string }[])[0]!.id}/objects/`;
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  }, 60_000);

  /** Submits an indicator whose description names a victim, and finds its held-field task. */
  async function heldTaskFor(description: string): Promise<{ objectId: string; task: HeldTaskView }> {
    const submitted: Record<string, unknown> = { ...indicator(), description };
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [submitted] } })).status).toBe(202);
    return { objectId: submitted.id as string, task: await analystApi.heldTaskOf(submitted.id as string) };
  }

  async function versions(objectId: string): Promise<Record<string, unknown>[]> {
    const envelope = await system.taxii('version-publisher', `${objectsPath}?match[id]=${objectId}&match[version]=all`, federal);
    return (envelope.body.objects ?? []) as Record<string, unknown>[];
  }

  it('publishes the redacted text as a new version with the same id and a later modified, then deletes the held value', async () => {
    const { objectId, task } = await heldTaskFor('Phishing mail received by jane.doe@victim-corp.com in our finance team.');
    expect(task.content?.values.map((v) => v.path)).toEqual(['description']);
    const first = await waitFor(async () => ((await versions(objectId)).length === 1 ? (await versions(objectId))[0] : undefined));
    expect(first).not.toHaveProperty('description');

    const decided = await analystApi.call('POST', `/review/tasks/${task.id}/decision`, {
      fields: [{ path: 'description', outcome: 'redacted', redactedText: 'Phishing mail received by an employee of the finance team.' }],
    });
    expect(decided).toMatchObject({ status: 200, body: { state: 'redacted' } });

    const both = await waitFor(async () => {
      const all = await versions(objectId);
      return all.length === 2 ? all : undefined;
    });
    const second = both.find((o) => o.modified !== first.modified)!;
    expect(second).toMatchObject({ id: objectId, description: 'Phishing mail received by an employee of the finance team.' });
    expect(Date.parse(second.modified as string)).toBeGreaterThan(Date.parse(first.modified as string));
    expect(JSON.stringify(both)).not.toContain('jane.doe');

    expect((await analystApi.call('POST', `/review/tasks/${task.id}/decision`, { fields: [{ path: 'description', outcome: 'deleted' }] })).status).toBe(409);
    expect(((await analystApi.call('GET', `/review/tasks/${task.id}`)).body as unknown as HeldTaskView).contentStatus).toBe('deleted');
  });

  it('refuses a decision that leaves a held field undecided, and publishes nothing new on delete', async () => {
    const { objectId, task } = await heldTaskFor('Reported by John Roe, 555 Main Street, Springfield.');
    expect((await analystApi.call('POST', `/review/tasks/${task.id}/decision`, { fields: [] })).status).toBe(400);
    const paths = task.heldField.fields.map((f) => f.path);
    expect((await analystApi.call('POST', `/review/tasks/${task.id}/decision`, { fields: [{ path: 'name', outcome: 'deleted' }] })).status).toBe(422);
    const deleted = await analystApi.call('POST', `/review/tasks/${task.id}/decision`, { fields: paths.map((path) => ({ path, outcome: 'deleted' })) });
    expect(deleted).toMatchObject({ status: 200, body: { state: 'deleted' } });
    await waitFor(async () => (await versions(objectId)).length === 1);
    expect(await versions(objectId)).toHaveLength(1);
  });
});
