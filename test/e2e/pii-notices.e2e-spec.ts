import { DEVELOPMENT_ADMIN_TOKEN } from '@ais/config';
import { waitFor } from '@ais/testing';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
/** Text no detector withholds, but which a federal entity recognises as pointing at a person. */
const DESCRIPTION = 'Scanning seen by the overnight operator at the branch office.';

interface NoticeView {
  id: string;
  kind: string;
  state: string;
  notice: { noticeId: string; objectId: string; federalEntity: string; filedBy: string; paths: string[] };
  published: { version: string; object: Record<string, unknown>; fields: { path: string; redactable: boolean }[] } | null;
  namesLatestVersion: boolean;
}

/** §4.1 notices end to end: filed by a federal entity, decided by an analyst, corrected on TAXII, counted. */
describe('notices that a published object still holds personal information', () => {
  const system = new E2eSystem(19080);
  let participant: Account;
  let analyst: Account;
  let auditor: Account;
  let federal: Account;
  const ids: Record<string, string> = {};
  let objectsPath: string;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analyst = await system.createAccount('analyst');
    auditor = await system.createAccount('auditor');
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    const principals = (await (
      await fetch(system.url('ingest-gateway', '/admin/principals'), { headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}` } })
    ).json()) as { id: string; username: string }[];
    for (const [name, account] of Object.entries({ analyst, federal })) {
      ids[name] = principals.find((p) => p.username === account.username)!.id;
    }
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    objectsPath = `/federal/collections/${(collections.body.collections as { id: string }[])[0]!.id}/objects/`;
  }, 240_000);

  afterAll(async () => {
    await system.stop();
  }, 60_000);

  async function call(method: string, path: string, account: Account | null, body?: unknown, service: 'review-service' | 'audit-projector' = 'review-service') {
    const response = await fetch(system.url(service, path), {
      method,
      headers: {
        ...(account === null ? {} : { authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function versions(objectId: string): Promise<Record<string, unknown>[]> {
    const envelope = await system.taxii('version-publisher', `${objectsPath}?match[id]=${objectId}&match[version]=all`, federal);
    return (envelope.body.objects ?? []) as Record<string, unknown>[];
  }

  /** Submits an indicator and waits for its first version on TAXII root federal. */
  async function published(): Promise<Record<string, unknown>> {
    const submitted: Record<string, unknown> = { ...indicator(), description: DESCRIPTION };
    const id = submitted.id as string;
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [submitted] } })).status).toBe(202);
    return waitFor(async () => (await versions(id)).at(0), { timeoutMs: 120_000, description: 'the first version' });
  }

  /** The notice's task once the projection has it and the published object it concerns. */
  async function noticeTask(noticeId: string): Promise<NoticeView> {
    return waitFor(
      async () => {
        const view = await call('GET', `/review/notices/${noticeId}`, analyst);
        return view.status === 200 && (view.body as unknown as NoticeView).published !== null ? (view.body as unknown as NoticeView) : undefined;
      },
      { timeoutMs: 60_000, description: 'the notice task' },
    );
  }

  const noticesIssued = async () => {
    const counts = await call('GET', '/audit/counts/notices-issued', auditor, undefined, 'audit-projector');
    return counts.body.total as number;
  };

  it('a federal entity files a notice, an analyst removes and redacts fields, and a corrected version follows with the same id', async () => {
    const first = await published();
    expect(first).toMatchObject({ description: DESCRIPTION, name: 'Scanning host' });
    const objectId = first.id as string;
    const notice = { objectId, objectVersion: first.modified, paths: ['description'] };

    expect((await call('POST', '/review/notices', null, notice)).status).toBe(401);
    expect((await call('POST', '/review/notices', participant, notice)).status).toBe(403);
    expect((await call('POST', '/review/notices', analyst, notice)).status).toBe(403);
    expect((await call('POST', '/review/notices', federal, { ...notice, paths: ['the operator is Jane Doe'] })).status).toBe(400);

    const filed = await call('POST', '/review/notices', federal, notice);
    expect(filed.status).toBe(202);
    const noticeId = filed.body.noticeId as string;

    const task = await noticeTask(noticeId);
    expect(task).toMatchObject({ id: noticeId, kind: 'notice', state: 'open', notice: { objectId, federalEntity: 'energy', filedBy: ids.federal, paths: ['description'] }, namesLatestVersion: true });
    expect(task.published?.object).toMatchObject({ id: objectId, description: DESCRIPTION });
    expect(task.published?.fields).toEqual(expect.arrayContaining([{ path: 'description', redactable: true }, { path: 'name', redactable: true }]));
    const listed = await call('GET', '/review/tasks?kind=notice&state=open', analyst);
    expect((listed.body.tasks as { id: string }[]).map((t) => t.id)).toContain(noticeId);
    expect((await call('GET', '/review/notices', federal)).status).toBe(403);

    expect((await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'correct', remove: ['x_not_there'] })).status).toBe(422);
    const decided = await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'correct', remove: ['description'], redact: [{ path: 'name', text: 'Scanning host (branch office)' }] });
    expect(decided).toEqual({ status: 200, body: { id: noticeId, state: 'redacted' } });
    expect((await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'dismiss' })).status).toBe(409);

    const both = await waitFor(
      async () => {
        const all = await versions(objectId);
        return all.length === 2 ? all : undefined;
      },
      { timeoutMs: 120_000, description: 'the corrected version' },
    );
    const corrected = both.find((o) => o.modified !== first.modified)!;
    expect(corrected).toMatchObject({ id: objectId, name: 'Scanning host (branch office)' });
    expect(corrected).not.toHaveProperty('description');
    expect(Date.parse(corrected.modified as string)).toBeGreaterThan(Date.parse(first.modified as string));
    const latest = await system.taxii('version-publisher', `${objectsPath}?match[id]=${objectId}`, federal);
    expect(latest.body.objects).toEqual([corrected]);

    expect(await waitFor(async () => ((await noticesIssued()) === 1 ? 1 : undefined), { timeoutMs: 60_000, description: 'notices issued = 1' })).toBe(1);
    const usage = await waitFor(
      async () => {
        const entries = (await call('GET', `/audit/usage?limit=1000`, auditor, undefined, 'audit-projector')).body.entries as { actor: string; action: string; resource: string; occurredAt: string }[];
        const mine = entries.filter((e) => e.resource === `notice/${noticeId}`);
        // Log order is processing order: the notice and its decision come from two topics, so they
        // are compared in the order they happened (docs/audit.md).
        return mine.length === 2 ? mine.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)) : undefined;
      },
      { timeoutMs: 60_000, description: 'the notice in the usage log' },
    );
    expect(usage).toEqual([
      expect.objectContaining({ actor: ids.federal, action: 'notice.file' }),
      expect.objectContaining({ actor: ids.analyst, action: 'notice.correct' }),
    ]);
  });

  it('a notice dismissed as unfounded publishes nothing new and still counts as issued', async () => {
    const first = await published();
    const objectId = first.id as string;
    const filed = await call('POST', '/review/notices', federal, { objectId, objectVersion: first.modified });
    expect(filed.status).toBe(202);
    const noticeId = filed.body.noticeId as string;
    await noticeTask(noticeId);

    expect((await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'dismiss', remove: ['description'] })).status).toBe(422);
    expect(await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'dismiss' })).toEqual({ status: 200, body: { id: noticeId, state: 'rejected' } });
    expect((await call('POST', `/review/notices/${noticeId}/decision`, analyst, { outcome: 'correct', remove: ['description'] })).status).toBe(409);

    expect(await waitFor(async () => ((await noticesIssued()) === 2 ? 2 : undefined), { timeoutMs: 60_000, description: 'notices issued = 2' })).toBe(2);
    await waitFor(
      async () => ((await call('GET', `/audit/usage?action=notice.dismiss`, auditor, undefined, 'audit-projector')).body.entries as { resource: string }[]).some((e) => e.resource === `notice/${noticeId}`),
      { timeoutMs: 60_000, description: 'the dismissal in the usage log' },
    );
    expect(await versions(objectId)).toHaveLength(1);
  });
});
