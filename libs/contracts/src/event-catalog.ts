import { FederalObjectsReadV1 } from './audit/federal-objects-read.v1';
import { UsageRecordedV1 } from './audit/usage-recorded.v1';
import { ContactRequestAnsweredV1, ContactRequestedV1, SubmitterIdentityReleasedV1 } from './consent/contact-request.v1';
import { IndicatorPublishedV1 } from './dissemination/indicator-published.v1';
import { SubmissionConcludedV1 } from './dissemination/submission-concluded.v1';
import { ManualSubmissionReceivedV1 } from './intake/manual-submission-received.v1';
import { SubmissionReceivedV1 } from './intake/submission-received.v1';
import { SubmissionRejectedV1 } from './intake/submission-rejected.v1';
import { SubmissionAnonymizedV1 } from './pipeline/submission-anonymized.v1';
import { SubmissionScreenedV1 } from './pipeline/submission-screened.v1';
import { SubmissionValidatedV1 } from './pipeline/submission-validated.v1';
import { ProfileChangeAcceptedV1 } from './profile/profile-change-accepted.v1';
import { ProfileChangeCommentedV1 } from './profile/profile-change-commented.v1';
import { ProfileChangeEscalatedV1 } from './profile/profile-change-escalated.v1';
import { ProfileChangeObjectedV1 } from './profile/profile-change-objected.v1';
import { ProfileChangeProposedV1 } from './profile/profile-change-proposed.v1';
import { ProfileChangeWithdrawnV1 } from './profile/profile-change-withdrawn.v1';
import { ProfileEmergencyChangeAppliedV1 } from './profile/profile-emergency-change-applied.v1';
import { ProfileVersionPublishedV1 } from './profile/profile-version-published.v1';
import { FieldsHeldV1 } from './review/fields-held.v1';
import { PiiNoticeDismissedV1 } from './review/pii-notice-dismissed.v1';
import { PiiNoticeFiledV1, ReviewDecidedV1 } from './review/review-decided.v1';
import { TriageAcceptedV1, TriageRejectedV1 } from './review/triage-decided.v1';
import { Topics, type TopicName } from './topics';

/** Event type → the payload class of its current schema version. */
export interface EventDataMap {
  SubmissionReceived: SubmissionReceivedV1;
  SubmissionRejected: SubmissionRejectedV1;
  ManualSubmissionReceived: ManualSubmissionReceivedV1;
  TriageAccepted: TriageAcceptedV1;
  TriageRejected: TriageRejectedV1;
  FieldsHeld: FieldsHeldV1;
  ReviewDecided: ReviewDecidedV1;
  PiiNoticeFiled: PiiNoticeFiledV1;
  PiiNoticeDismissed: PiiNoticeDismissedV1;
  SubmissionValidated: SubmissionValidatedV1;
  SubmissionAnonymized: SubmissionAnonymizedV1;
  SubmissionScreened: SubmissionScreenedV1;
  IndicatorPublished: IndicatorPublishedV1;
  SubmissionConcluded: SubmissionConcludedV1;
  ContactRequested: ContactRequestedV1;
  ContactRequestAnswered: ContactRequestAnsweredV1;
  SubmitterIdentityReleased: SubmitterIdentityReleasedV1;
  ProfileChangeProposed: ProfileChangeProposedV1;
  ProfileChangeObjected: ProfileChangeObjectedV1;
  ProfileChangeCommented: ProfileChangeCommentedV1;
  ProfileChangeEscalated: ProfileChangeEscalatedV1;
  ProfileChangeAccepted: ProfileChangeAcceptedV1;
  ProfileChangeWithdrawn: ProfileChangeWithdrawnV1;
  ProfileEmergencyChangeApplied: ProfileEmergencyChangeAppliedV1;
  ProfileVersionPublished: ProfileVersionPublishedV1;
  FederalObjectsRead: FederalObjectsReadV1;
  UsageRecorded: UsageRecordedV1;
}

export type EventType = keyof EventDataMap;

/** Upgrades a payload of schema version `from` to `from + 1`; pure, one step per version. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventDefinition {
  readonly topic: TopicName;
  readonly schemaVersion: number;
  readonly payloadClass: new () => object;
  /** `upcasters[n]` upgrades version n + 1 to n + 2; its length is `schemaVersion - 1`. */
  readonly upcasters: readonly Upcaster[];
}

export const EVENT_CATALOG: { readonly [T in EventType]: EventDefinition } = {
  SubmissionReceived: { topic: Topics.intakeSubmissions, schemaVersion: 1, payloadClass: SubmissionReceivedV1, upcasters: [] },
  SubmissionRejected: { topic: Topics.intakeRejections, schemaVersion: 1, payloadClass: SubmissionRejectedV1, upcasters: [] },
  ManualSubmissionReceived: { topic: Topics.intakeManualSubmissions, schemaVersion: 1, payloadClass: ManualSubmissionReceivedV1, upcasters: [] },
  TriageAccepted: { topic: Topics.reviewTriage, schemaVersion: 1, payloadClass: TriageAcceptedV1, upcasters: [] },
  TriageRejected: { topic: Topics.reviewTriage, schemaVersion: 1, payloadClass: TriageRejectedV1, upcasters: [] },
  FieldsHeld: { topic: Topics.reviewHeldFields, schemaVersion: 1, payloadClass: FieldsHeldV1, upcasters: [] },
  ReviewDecided: { topic: Topics.reviewDecisions, schemaVersion: 1, payloadClass: ReviewDecidedV1, upcasters: [] },
  PiiNoticeFiled: { topic: Topics.reviewNotices, schemaVersion: 1, payloadClass: PiiNoticeFiledV1, upcasters: [] },
  PiiNoticeDismissed: { topic: Topics.reviewNotices, schemaVersion: 1, payloadClass: PiiNoticeDismissedV1, upcasters: [] },
  SubmissionValidated: { topic: Topics.pipelineValidated, schemaVersion: 1, payloadClass: SubmissionValidatedV1, upcasters: [] },
  SubmissionAnonymized: { topic: Topics.pipelineAnonymized, schemaVersion: 1, payloadClass: SubmissionAnonymizedV1, upcasters: [] },
  SubmissionScreened: { topic: Topics.pipelineScreened, schemaVersion: 1, payloadClass: SubmissionScreenedV1, upcasters: [] },
  IndicatorPublished: { topic: Topics.disseminationPublished, schemaVersion: 1, payloadClass: IndicatorPublishedV1, upcasters: [] },
  SubmissionConcluded: { topic: Topics.disseminationOutcomes, schemaVersion: 1, payloadClass: SubmissionConcludedV1, upcasters: [] },
  ContactRequested: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: ContactRequestedV1, upcasters: [] },
  ContactRequestAnswered: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: ContactRequestAnsweredV1, upcasters: [] },
  SubmitterIdentityReleased: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: SubmitterIdentityReleasedV1, upcasters: [] },
  ProfileChangeProposed: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeProposedV1, upcasters: [] },
  ProfileChangeObjected: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeObjectedV1, upcasters: [] },
  ProfileChangeCommented: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeCommentedV1, upcasters: [] },
  ProfileChangeEscalated: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeEscalatedV1, upcasters: [] },
  ProfileChangeAccepted: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeAcceptedV1, upcasters: [] },
  ProfileChangeWithdrawn: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileChangeWithdrawnV1, upcasters: [] },
  ProfileEmergencyChangeApplied: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileEmergencyChangeAppliedV1, upcasters: [] },
  ProfileVersionPublished: { topic: Topics.profileChanges, schemaVersion: 1, payloadClass: ProfileVersionPublishedV1, upcasters: [] },
  FederalObjectsRead: { topic: Topics.disseminationFederalReads, schemaVersion: 1, payloadClass: FederalObjectsReadV1, upcasters: [] },
  UsageRecorded: { topic: Topics.auditUsage, schemaVersion: 1, payloadClass: UsageRecordedV1, upcasters: [] },
};

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, value);
}

export function eventTypesOn(topic: string): EventType[] {
  return (Object.keys(EVENT_CATALOG) as EventType[]).filter((type) => EVENT_CATALOG[type].topic === topic);
}
