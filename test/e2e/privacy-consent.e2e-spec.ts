import { Topics } from '@ais/contracts';
import { TopicReader, waitFor } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { E2eSystem, type Account } from './support/e2e-system';
import { CONSENT_CONTACT_EMAIL } from './support/planted-personal-values';
import { indicator, TLP_GREEN } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';

/** §2.3.1.3 end to end: consent decides what of the submitter travels; contact requests. */
describe('submitter consent and contact requests', () => {
  const system = new E2eSystem(18180);
  let anonymous: Account;
  let consenting: Account;
  let energy: Account;
  let treasury: Account;
  let published: TopicReader;
  let lastStatusId = '';

  beforeAll(async () => {
    await system.start();
    const registration = { sectors: ['energy'], city: 'Austin', state: 'TX' };
    anonymous = await system.createAccount('participant', { ...registration, organisation: 'Lone Star Power Cooperative', defaultConsent: 'none' });
    consenting = await system.createAccount('participant', { ...registration, organisation: 'Gulf Coast Grid', defaultConsent: 'everyone' });
    energy = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    treasury = await system.createAccount('federal-consumer', { federalEntity: 'treasury' });
    published = await new TopicReader().start([system.topicPrefix + Topics.disseminationPublished]);
  }, 180_000);

  afterAll(async () => {
    await published?.stop();
    await system.stop();
  }, 60_000);

  /** Submits an indicator created by the submitter's own identity; returns what was published. */
  async function submitAs(account: Account, organisation: string): Promise<{ identityId: string; indicatorId: string; objects: Record<string, unknown>[] }> {
    const identityId = `identity--${randomUUID()}`;
    const now = new Date().toISOString();
    const identity = { type: 'identity', spec_version: '2.1', id: identityId, created: now, modified: now, name: organisation, identity_class: 'organization', contact_information: CONSENT_CONTACT_EMAIL, object_marking_refs: [TLP_GREEN] };
    const ind: Record<string, unknown> = { ...indicator(), created_by_ref: identityId };
    const response = await system.taxii('ingest-gateway', INGEST, account, { method: 'POST', body: { objects: [identity, ind] } });
    expect(response.status).toBe(202);
    const correlationId = response.body.id as string;
    lastStatusId = correlationId;
    const objects = await waitFor(() => {
      const mine = published
        .valuesOn<{ correlationId: string; data: { object: Record<string, unknown> } }>(system.topicPrefix + Topics.disseminationPublished)
        .filter((event) => event.correlationId === correlationId)
        .map((event) => event.data.object);
      // Records are keyed by STIX id, so the indicator, its creator and the location may arrive in any order.
      const creatorId = mine.find((o) => o.id === ind.id)?.created_by_ref;
      return mine.some((o) => o.id === creatorId) && mine.some((o) => o.type === 'location') ? mine : undefined;
    });
    return { identityId, indicatorId: ind.id as string, objects };
  }

  it('without consent publishes a fresh identity with sector and location only, re-pointing the creator', async () => {
    const { identityId, indicatorId, objects } = await submitAs(anonymous, 'Lone Star Power Cooperative');
    const text = JSON.stringify(objects);
    expect(text).not.toContain('Lone Star');
    expect(text).not.toContain(identityId);
    expect(text).not.toContain(CONSENT_CONTACT_EMAIL);
    const creator = objects.find((o) => o.id === objects.find((x) => x.id === indicatorId)?.created_by_ref);
    expect(creator).toMatchObject({ type: 'identity', sectors: ['energy'] });
    expect(objects.find((o) => o.type === 'location')).toMatchObject({ city: 'Austin', administrative_area: 'TX', country: 'US' });

    // The replaced identity was accepted: its TAXII status is a success, and the status completes.
    const status = await waitFor(async () => {
      const statuses = await system.taxii('ingest-gateway', `/ingest/status/${lastStatusId}/`, anonymous);
      return statuses.body.status === 'complete' ? statuses.body : undefined;
    });
    expect(status).toMatchObject({ success_count: 2, failure_count: 0 });
    expect((status.successes as { id: string }[]).map((entry) => entry.id)).toContain(identityId);

    const second = await submitAs(anonymous, 'Lone Star Power Cooperative');
    const secondCreator = second.objects.find((o) => o.id === second.objects.find((x) => x.id === second.indicatorId)?.created_by_ref);
    expect(secondCreator?.id).not.toBe(creator?.id); // nothing links two submissions
  });

  it('with consent keeps the identity and adds its location', async () => {
    const { identityId, indicatorId, objects } = await submitAs(consenting, 'Gulf Coast Grid');
    expect(objects.find((o) => o.id === indicatorId)?.created_by_ref).toBe(identityId);
    expect(objects.find((o) => o.id === identityId)).toMatchObject({ name: 'Gulf Coast Grid', sectors: ['energy'] });
    expect(objects.find((o) => o.type === 'location')).toMatchObject({ country: 'US' });
  });

  it('releases the identity to the requesting entity alone once the submitter grants it', async () => {
    const { indicatorId } = await submitAs(anonymous, 'Lone Star Power Cooperative');
    const call = async (account: Account, method: string, path: string, body?: unknown) => {
      const response = await fetch(system.url('submitter-anonymizer', path), {
        method,
        headers: { authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const created = await call(energy, 'POST', '/contact-requests', { objectId: indicatorId });
    expect(created).toMatchObject({ status: 201, body: { state: 'pending', federalEntity: 'energy' } });
    const requestId = created.body.id as string;
    expect((await call(energy, 'GET', `/contact-requests/${requestId}/identity`)).status).toBe(403);

    const mine = await call(anonymous, 'GET', '/contact-requests');
    expect((mine.body.requests as { id: string }[]).map((r) => r.id)).toContain(requestId);
    expect(((await call(consenting, 'GET', '/contact-requests')).body.requests as { id: string }[]).map((r) => r.id)).not.toContain(requestId);
    expect((await call(consenting, 'POST', `/contact-requests/${requestId}/grant`)).status).toBe(404);

    expect(await call(anonymous, 'POST', `/contact-requests/${requestId}/grant`)).toMatchObject({ status: 200, body: { state: 'granted' } });
    expect(await call(energy, 'GET', `/contact-requests/${requestId}/identity`)).toMatchObject({
      status: 200,
      body: { organisation: 'Lone Star Power Cooperative', sectors: ['energy'], city: 'Austin', country: 'US' },
    });
    expect((await call(treasury, 'GET', `/contact-requests/${requestId}/identity`)).status).toBe(404);
    expect((await call(anonymous, 'POST', `/contact-requests/${requestId}/deny`)).status).toBe(409);
  });
});
