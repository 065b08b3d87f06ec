import { buildEvent, type EventDataMap } from '@ais/contracts';
import { AuditBatch } from './audit-batch';
import type { AuditEvent, AuditEventType } from './audit-events';

const ID = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const READER = '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f';

function given<T extends AuditEventType>(type: T, data: EventDataMap[T], at = '2025-03-01T12:00:00.000Z', eventId?: string): AuditEvent {
  return buildEvent(type, data, { key: ID, producer: 'test', correlationId: ID, causationId: null, occurredAt: new Date(at), eventId }) as AuditEvent;
}

const read = (entity: string, objectCount: number, at?: string, eventId?: string) =>
  given('FederalObjectsRead', { principalId: READER, role: 'federal-consumer', federalEntity: entity, resource: 'objects', objectCount, readAt: '2025-03-01T12:00:00.000Z' }, at, eventId);

describe('AuditBatch', () => {
  it('sums a batch’s increments per day, metric and dimension, in key order', () => {
    const batch = new AuditBatch();
    batch.add(read('energy', 2));
    batch.add(read('energy', 3));
    batch.add(read('treasury', 1, '2025-03-02T00:00:00.000Z'));
    expect(batch.events).toBe(3);
    expect(batch.countRows()).toEqual([
      { day: '2025-03-01', metric: 'federal-objects-served', dimension: 'energy', value: 5 },
      { day: '2025-03-01', metric: 'federal-reads', dimension: 'energy', value: 2 },
      { day: '2025-03-01', metric: 'usage-actions', dimension: 'federal.read', value: 2 },
      { day: '2025-03-02', metric: 'federal-objects-served', dimension: 'treasury', value: 1 },
      { day: '2025-03-02', metric: 'federal-reads', dimension: 'treasury', value: 1 },
      { day: '2025-03-02', metric: 'usage-actions', dimension: 'federal.read', value: 1 },
    ]);
  });

  it('keeps usage entries in event order, one per event id', () => {
    const batch = new AuditBatch();
    const eventId = '00000000-0000-4000-8000-000000000001';
    batch.add(read('energy', 1, undefined, eventId));
    batch.add(read('treasury', 1));
    batch.add(read('energy', 1, undefined, eventId));
    expect(batch.usageEntries().map((e) => e.detail.entity)).toEqual(['energy', 'treasury']);
  });

  it('is empty for events that change nothing', () => {
    const batch = new AuditBatch();
    batch.add(given('SubmissionScreened', { submissionId: ID, profileVersion: '1', objects: [], submitter: { sectors: [], country: 'US' }, consent: 'none', failures: [], heldFieldCount: 0 }));
    expect(batch.isEmpty).toBe(true);
    expect(batch.events).toBe(1);
  });
});
