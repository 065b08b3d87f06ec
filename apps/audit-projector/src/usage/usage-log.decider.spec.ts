import { buildEvent, type EventDataMap } from '@ais/contracts';
import type { AuditEvent, AuditEventType } from '../projection/audit-events';
import { usageEntryOf } from './usage-log.decider';

const ANALYST = '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f';
const MEMBER = { principalId: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d', entity: 'energy' };
const ID = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const SEALED = { keyId: ID, iv: 'AAAA', tag: 'AAAA', ciphertext: 'AAAA' };
const AT = '2025-03-01T12:00:00.000Z';

function given<T extends AuditEventType>(type: T, data: EventDataMap[T]): AuditEvent {
  return buildEvent(type, data, { key: ID, producer: 'test', correlationId: ID, causationId: null, occurredAt: new Date(AT), eventId: 'AAAAAAAA-0000-4000-8000-000000000001' }) as AuditEvent;
}

const common = { eventId: 'aaaaaaaa-0000-4000-8000-000000000001', occurredAt: AT };

describe('usageEntryOf', () => {
  it('records an analyst’s triage decisions, never the rejection’s free text', () => {
    expect(usageEntryOf(given('TriageAccepted', { submissionId: ID, channel: 'web-form', decidedBy: ANALYST, objectCount: 2, sealedContent: SEALED }))).toEqual({
      ...common,
      actor: ANALYST,
      role: 'analyst',
      action: 'triage.accept',
      resource: `submission/${ID}`,
      detail: { channel: 'web-form', objectCount: 2 },
    });
    const rejected = usageEntryOf(given('TriageRejected', { submissionId: ID, channel: 'email', decidedBy: ANALYST, reason: 'Jane Doe sent spam' }));
    expect(rejected).toMatchObject({ action: 'triage.reject', detail: { channel: 'email' } });
    expect(JSON.stringify(rejected)).not.toContain('Jane');
  });

  it('records an analyst decision on withheld fields, never the restored values', () => {
    const decided = (outcomes: ('released-no-pii' | 'redacted' | 'deleted')[]) =>
      usageEntryOf(
        given('ReviewDecided', {
          taskId: ID,
          submissionId: ID,
          objectId: 'indicator--1',
          objectVersion: AT,
          decidedBy: ANALYST,
          decidedAt: AT,
          fields: outcomes.map((outcome, i) => ({ path: `f${i}`, outcome })),
          restored: { f0: 'Jane Doe' },
        }),
      );
    expect(decided(['redacted', 'deleted'])).toMatchObject({ role: 'analyst', action: 'review.redact', resource: 'stix-object/indicator--1', detail: { fields: 2 } });
    expect(decided(['deleted'])).toMatchObject({ action: 'review.delete' });
    expect(decided(['released-no-pii'])).toMatchObject({ action: 'review.release' });
    expect(JSON.stringify(decided(['released-no-pii']))).not.toContain('Jane');
  });

  it('records a federal entity filing a notice, with the object and how many paths it names, never the paths', () => {
    const filed = usageEntryOf(
      given('PiiNoticeFiled', { noticeId: ID, objectId: 'indicator--1', objectVersion: AT, federalEntity: 'energy', filedBy: MEMBER.principalId, paths: ['x_jane_doe', 'description'] }),
    );
    expect(filed).toEqual({
      ...common,
      actor: MEMBER.principalId,
      role: 'federal-consumer',
      action: 'notice.file',
      resource: `notice/${ID}`,
      detail: { entity: 'energy', objectId: 'indicator--1', paths: 2 },
    });
    expect(JSON.stringify(filed)).not.toContain('jane');
  });

  it('records an analyst correcting a notice, never the redacted text, and dismissing one', () => {
    const corrected = usageEntryOf(
      given('ReviewDecided', {
        taskId: ID,
        noticeId: ID,
        submissionId: ID,
        objectId: 'indicator--1',
        objectVersion: AT,
        decidedBy: ANALYST,
        decidedAt: AT,
        fields: [{ path: 'name', outcome: 'redacted' }],
        restored: { name: 'Sender named Jane' },
        removed: ['description'],
      }),
    );
    expect(corrected).toMatchObject({ actor: ANALYST, role: 'analyst', action: 'notice.correct', resource: `notice/${ID}`, detail: { objectId: 'indicator--1', removed: 1, redacted: 1 } });
    expect(JSON.stringify(corrected)).not.toContain('Jane');
    const dismissed = usageEntryOf(given('PiiNoticeDismissed', { noticeId: ID, objectId: 'indicator--1', dismissedBy: ANALYST, dismissedAt: AT }));
    expect(dismissed).toMatchObject({ actor: ANALYST, role: 'analyst', action: 'notice.dismiss', resource: `notice/${ID}`, detail: { objectId: 'indicator--1' } });
  });

  it('records a federal read with its entity, resource and count', () => {
    const read = given('FederalObjectsRead', { principalId: ANALYST, role: 'federal-consumer', federalEntity: 'energy', resource: 'objects', objectCount: 4, readAt: AT });
    expect(usageEntryOf(read)).toMatchObject({ role: 'federal-consumer', action: 'federal.read', resource: 'taxii-federal/objects', detail: { entity: 'energy', taxiiResource: 'objects', objectCount: 4 } });
    const one = given('FederalObjectsRead', { principalId: ANALYST, role: 'admin', resource: 'object', objectId: 'indicator--1', objectCount: 1, readAt: AT });
    expect(usageEntryOf(one)).toMatchObject({ role: 'admin', resource: 'stix-object/indicator--1', detail: { taxiiResource: 'object', objectCount: 1 } });
    expect(usageEntryOf(one)?.detail).not.toHaveProperty('entity');
  });

  it('records an admin action as recorded', () => {
    const usage = given('UsageRecorded', { actor: '00000000-0000-0000-0000-000000000000', role: 'admin', action: 'admin.principal.create', resource: `principal/${ID}`, at: AT, detail: { role: 'auditor' } });
    expect(usageEntryOf(usage)).toMatchObject({ actor: '00000000-0000-0000-0000-000000000000', role: 'admin', action: 'admin.principal.create', resource: `principal/${ID}`, detail: { role: 'auditor' } });
  });

  it('records each step of a contact request by who took it', () => {
    expect(usageEntryOf(given('ContactRequested', { requestId: ID, objectId: 'indicator--1', federalEntity: 'energy', requestedBy: ANALYST, requestedAt: AT }))).toMatchObject({
      role: 'federal-consumer',
      action: 'contact.request',
      resource: `contact-request/${ID}`,
      detail: { entity: 'energy', objectId: 'indicator--1' },
    });
    expect(usageEntryOf(given('ContactRequestAnswered', { requestId: ID, granted: true, answeredBy: ANALYST, answeredAt: AT }))).toMatchObject({ role: 'participant', action: 'contact.grant' });
    expect(usageEntryOf(given('ContactRequestAnswered', { requestId: ID, granted: false, answeredBy: ANALYST, answeredAt: AT }))).toMatchObject({ action: 'contact.deny' });
    expect(usageEntryOf(given('SubmitterIdentityReleased', { requestId: ID, federalEntity: 'energy', channel: 'read', releasedTo: ANALYST }))).toMatchObject({
      action: 'contact.identity-read',
      detail: { entity: 'energy' },
    });
  });

  it('records change-control actions by the board member, without their text', () => {
    const proposed = usageEntryOf(
      given('ProfileChangeProposed', {
        proposalId: ID,
        change: { kind: 'add-property', objectType: 'indicator', property: 'lang' },
        rationale: 'secret rationale',
        proposedBy: MEMBER,
        proposedAt: AT,
        objectionDeadline: AT,
        baseVersion: 1,
      }),
    );
    expect(proposed).toEqual({ ...common, actor: MEMBER.principalId, role: 'board-member', action: 'profile.propose', resource: `profile-proposal/${ID}`, detail: { entity: 'energy', kind: 'add-property', baseVersion: 1 } });
    expect(JSON.stringify(proposed)).not.toContain('secret');
    expect(usageEntryOf(given('ProfileChangeObjected', { proposalId: ID, objectedBy: MEMBER, reason: 'no' }))).toMatchObject({ action: 'profile.object' });
    expect(usageEntryOf(given('ProfileChangeCommented', { proposalId: ID, commentedBy: MEMBER, text: 't' }))).toMatchObject({ action: 'profile.comment' });
    expect(usageEntryOf(given('ProfileChangeEscalated', { proposalId: ID, escalatedBy: MEMBER }))).toMatchObject({ action: 'profile.escalate' });
    expect(usageEntryOf(given('ProfileChangeAccepted', { proposalId: ID, basis: 'resolved', acceptedBy: MEMBER, version: 2 }))).toMatchObject({ action: 'profile.accept', detail: { basis: 'resolved', version: 2 } });
    expect(usageEntryOf(given('ProfileChangeWithdrawn', { proposalId: ID, basis: 'withdrawn-by-proposer', withdrawnBy: MEMBER }))).toMatchObject({ action: 'profile.withdraw' });
    expect(
      usageEntryOf(given('ProfileEmergencyChangeApplied', { changeId: ID, change: { kind: 'delete-vocabulary-value', vocabulary: 'tlp-marking', value: 'x' }, appliedBy: MEMBER, reason: 'r', version: 3 })),
    ).toMatchObject({ action: 'profile.emergency-change', resource: `profile-change/${ID}`, detail: { version: 3 } });
  });

  it('records nothing when nobody acted: presumed concurrence, expiry, pipeline outputs', () => {
    expect(usageEntryOf(given('ProfileChangeAccepted', { proposalId: ID, basis: 'presumed-concurrence', version: 2 }))).toBeNull();
    expect(usageEntryOf(given('ProfileChangeWithdrawn', { proposalId: ID, basis: 'no-longer-applicable' }))).toBeNull();
    expect(usageEntryOf(given('SubmissionRejected', { submissionId: ID, reasons: [{ code: 'X', message: 'm' }] }))).toBeNull();
  });
});
