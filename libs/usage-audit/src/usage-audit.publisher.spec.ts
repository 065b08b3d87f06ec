import { decodeEvent, type AnyEvent } from '@ais/contracts';
import { UsageAuditPublisher } from './usage-audit.publisher';

const ADMIN = { id: '00000000-0000-0000-0000-000000000000', role: 'admin', federalEntity: null };
const READER = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', role: 'federal-consumer', federalEntity: 'energy' };
const at = new Date('2026-11-01T12:00:00.000Z');

function capture(): { published: AnyEvent[]; publisher: UsageAuditPublisher } {
  const published: AnyEvent[] = [];
  const publisher = new UsageAuditPublisher({ publish: (events) => Promise.resolve(void published.push(...events)) }, 'ingest-gateway');
  return { published, publisher };
}

describe('UsageAuditPublisher', () => {
  it('records an admin action as a valid UsageRecorded keyed by the actor', async () => {
    const { published, publisher } = capture();
    await publisher.record({ actor: ADMIN, action: 'admin.principal.create', resource: 'principal/2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f', detail: { role: 'auditor' }, at });

    expect(published).toHaveLength(1);
    const event = published[0]!;
    expect(event).toMatchObject({ type: 'UsageRecorded', key: ADMIN.id, producer: 'ingest-gateway', occurredAt: at.toISOString(), correlationId: event.eventId });
    expect(event.data).toEqual({ actor: ADMIN.id, role: 'admin', action: 'admin.principal.create', resource: 'principal/2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f', at: at.toISOString(), detail: { role: 'auditor' } });
    expect(decodeEvent(JSON.stringify(event)).ok).toBe(true);
  });

  it('records a federal read with entity, resource and count, and nothing of the objects', async () => {
    const { published, publisher } = capture();
    await publisher.federalRead({ reader: READER, resource: 'objects', objectCount: 7, at });

    expect(published[0]).toMatchObject({
      type: 'FederalObjectsRead',
      key: READER.id,
      data: { principalId: READER.id, role: 'federal-consumer', federalEntity: 'energy', resource: 'objects', objectCount: 7, readAt: at.toISOString() },
    });
    expect(decodeEvent(JSON.stringify(published[0])).ok).toBe(true);
  });

  it('leaves the entity out for an admin reader', async () => {
    const { published, publisher } = capture();
    await publisher.federalRead({ reader: ADMIN, resource: 'object', objectId: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', objectCount: 1, at });
    expect(published[0]?.data).not.toHaveProperty('federalEntity');
    expect(decodeEvent(JSON.stringify(published[0])).ok).toBe(true);
  });

  it('produces events the contract refuses when the detail carries free text', () => {
    const { publisher } = capture();
    const event = publisher.usageEvent({ actor: ADMIN, action: 'admin.principal.create', resource: 'principal/x', detail: { note: 'jane doe, 555-0100' }, at });
    const decoded = decodeEvent(JSON.stringify(event));
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.reason).not.toContain('jane');
  });
});
