import { waitFor } from '@ais/testing';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';

interface TaskView {
  id: string;
  state: string;
  contentStatus: string;
  heldField: { objectId: string; fields: { path: string }[] };
  content: { values: { path: string; value: unknown }[] } | null;
}

/** §2.3.2.2 end to end through the analyst API: held → decided → a new version, same id. */
describe('review decisions on withheld fields', () => {
  const system = new E2eSystem(18980);
  let participant: Account;
  let analyst: Account;
  let federal: Account;
  let objectsPath: string;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analyst = await system.createAccount('analyst');
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    objectsPath = `/federal/collections/${(collections.body.collections as { id: string }[])[0]!.id}/objects/`;
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  }, 60_000);

  async function asAnalyst(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(system.url('review-service', path), {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${analyst.username}:${analyst.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Submits an indicator whose description names a victim, and finds its held-field task. */
  async function heldTaskFor(description: string): Promise<{ objectId: string; task: TaskView }> {
    const submitted: Record<string, unknown> = { ...indicator(), description };
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [submitted] } })).status).toBe(202);
    const task = await waitFor(async () => {
      const list = await asAnalyst('GET', '/review/tasks?kind=held-field&limit=500');
      for (const { id } of (list.body.tasks as { id: string }[] | undefined) ?? []) {
        const view = (await asAnalyst('GET', `/review/tasks/${id}`)).body as unknown as TaskView;
        if (view.heldField.objectId === submitted.id) {
          return view;
        }
      }
      return undefined;
    });
    return { objectId: submitted.id as string, task };
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

    const decided = await asAnalyst('POST', `/review/tasks/${task.id}/decision`, {
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

    expect((await asAnalyst('POST', `/review/tasks/${task.id}/decision`, { fields: [{ path: 'description', outcome: 'deleted' }] })).status).toBe(409);
    expect(((await asAnalyst('GET', `/review/tasks/${task.id}`)).body as unknown as TaskView).contentStatus).toBe('deleted');
  });

  it('refuses a decision that leaves a held field undecided, and publishes nothing new on delete', async () => {
    const { objectId, task } = await heldTaskFor('Reported by John Roe, 555 Main Street, Springfield.');
    expect((await asAnalyst('POST', `/review/tasks/${task.id}/decision`, { fields: [] })).status).toBe(400);
    const paths = task.heldField.fields.map((f) => f.path);
    expect((await asAnalyst('POST', `/review/tasks/${task.id}/decision`, { fields: [{ path: 'name', outcome: 'deleted' }] })).status).toBe(422);
    const deleted = await asAnalyst('POST', `/review/tasks/${task.id}/decision`, { fields: paths.map((path) => ({ path, outcome: 'deleted' })) });
    expect(deleted).toMatchObject({ status: 200, body: { state: 'deleted' } });
    await waitFor(async () => (await versions(objectId)).length === 1);
    expect(await versions(objectId)).toHaveLength(1);
  });
});
