import { buildEvent, type AnyEvent, type EventDataMap, type EventType } from '@ais/contracts';
import { randomUUID } from 'node:crypto';

const SEALED = { keyId: '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'e30=' };
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const ENTITIES = ['energy', 'treasury', 'defense'] as const;

/**
 * A mixed log of every kind of audit event: submissions through each channel, rejections,
 * validations with removals and marking failures, held fields, publications, federal reads,
 * contact requests, notices (corrected and dismissed), change control and admin actions, over a few days.
 */
export function mixedEvents(submissions: number, firstDay = Date.UTC(2026, 10, 1)): AnyEvent[] {
  const events: AnyEvent[] = [];
  for (let i = 0; i < submissions; i++) {
    const at = new Date(firstDay + (i % 3) * 86_400_000 + i * 1000);
    const submissionId = randomUUID();
    const person = randomUUID();
    const add = <T extends EventType>(type: T, data: EventDataMap[T], key: string = submissionId) =>
      events.push(buildEvent(type, data, { key, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: at }) as AnyEvent);
    const indicatorId = `indicator--${randomUUID()}`;
    const indicator = { type: 'indicator', id: indicatorId, spec_version: '2.1', object_marking_refs: [TLP_GREEN] };
    if (i % 5 === 4) {
      add('SubmissionReceived', { submissionId, channel: 'taxii', principalId: person, objectCount: 1, receivedAt: at.toISOString(), sealedContent: SEALED });
      add('SubmissionRejected', { submissionId, reasons: [{ objectId: indicatorId, code: 'AIS_PROFILE_TLP_MARKING_CONFLICT', message: 'rule' }] });
      continue;
    }
    if (i % 5 === 3) {
      add('ManualSubmissionReceived', { submissionId, channel: i % 2 === 0 ? 'email' : 'web-form', kind: 'indicator', receivedAt: at.toISOString(), sealedContent: SEALED });
      add('TriageAccepted', { submissionId, channel: i % 2 === 0 ? 'email' : 'web-form', decidedBy: person, objectCount: 1, sealedContent: SEALED });
    } else {
      add('SubmissionReceived', { submissionId, channel: 'taxii', principalId: person, objectCount: 1, receivedAt: at.toISOString(), sealedContent: SEALED });
    }
    const pipeline = { submissionId, profileVersion: '1', objects: [indicator], submitter: { sectors: ['energy'], country: 'US', state: 'TX' }, consent: 'none' as const, failures: [] };
    add('SubmissionValidated', { ...pipeline, removals: i % 2 === 0 ? [{ objectId: indicatorId, path: '/x_note', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' }] : [] });
    add('SubmissionScreened', { ...pipeline, heldFieldCount: i % 3 === 0 ? 2 : 0 });
    if (i % 3 === 0) {
      add(
        'FieldsHeld',
        {
          submissionId,
          objectId: indicatorId,
          objectType: 'indicator',
          objectVersion: at.toISOString(),
          fields: [
            { path: 'description', detector: 'email', reason: 'held' },
            { path: 'name', detector: 'person-name', reason: 'held' },
          ],
          sealedValues: SEALED,
        },
        indicatorId,
      );
    }
    add('IndicatorPublished', { objectId: indicatorId, version: at.toISOString(), object: indicator, submissionId, sourceObjectId: indicatorId, heldFieldCount: 0 }, indicatorId);
    add('FederalObjectsRead', { principalId: person, role: 'federal-consumer', federalEntity: ENTITIES[i % ENTITIES.length]!, resource: 'objects', objectCount: 1 + (i % 4), readAt: at.toISOString() }, person);
    if (i % 7 === 0) {
      const requestId = randomUUID();
      add('ContactRequested', { requestId, objectId: indicatorId, federalEntity: 'energy', requestedBy: person, requestedAt: at.toISOString() }, requestId);
      add('ContactRequestAnswered', { requestId, granted: i % 2 === 0, answeredBy: randomUUID(), answeredAt: at.toISOString() }, requestId);
    }
    if (i % 13 === 0) {
      // A federal entity's notice (§4.1), corrected or dismissed by an analyst.
      const noticeId = randomUUID();
      add('PiiNoticeFiled', { noticeId, objectId: indicatorId, objectVersion: at.toISOString(), federalEntity: 'energy', filedBy: person, paths: ['description'] }, indicatorId);
      if (i % 2 === 0) {
        add(
          'ReviewDecided',
          { taskId: noticeId, noticeId, submissionId, objectId: indicatorId, objectVersion: at.toISOString(), decidedBy: randomUUID(), decidedAt: at.toISOString(), fields: [], restored: {}, removed: ['description'] },
          indicatorId,
        );
      } else {
        add('PiiNoticeDismissed', { noticeId, objectId: indicatorId, dismissedBy: randomUUID(), dismissedAt: at.toISOString() }, indicatorId);
      }
    }
    if (i % 11 === 0) {
      add('UsageRecorded', { actor: '00000000-0000-0000-0000-000000000000', role: 'admin', action: 'admin.principal.create', resource: `principal/${randomUUID()}`, at: at.toISOString(), detail: { role: 'auditor' } }, person);
      add('ProfileChangeObjected', { proposalId: randomUUID(), objectedBy: { principalId: person, entity: 'energy' }, reason: 'discuss' }, 'ais-profile');
    }
  }
  return events;
}
