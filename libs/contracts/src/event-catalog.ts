import { ContactRequestAnsweredV1, ContactRequestedV1, SubmitterIdentityReleasedV1 } from './consent/contact-request.v1';
import { IndicatorPublishedV1 } from './dissemination/indicator-published.v1';
import { ManualSubmissionReceivedV1 } from './intake/manual-submission-received.v1';
import { SubmissionReceivedV1 } from './intake/submission-received.v1';
import { SubmissionRejectedV1 } from './intake/submission-rejected.v1';
import { SubmissionAnonymizedV1 } from './pipeline/submission-anonymized.v1';
import { SubmissionScreenedV1 } from './pipeline/submission-screened.v1';
import { SubmissionValidatedV1 } from './pipeline/submission-validated.v1';
import { TriageAcceptedV1, TriageRejectedV1 } from './review/triage-decided.v1';
import { Topics, type TopicName } from './topics';

/** Event type → the payload class of its current schema version. */
export interface EventDataMap {
  SubmissionReceived: SubmissionReceivedV1;
  SubmissionRejected: SubmissionRejectedV1;
  ManualSubmissionReceived: ManualSubmissionReceivedV1;
  TriageAccepted: TriageAcceptedV1;
  TriageRejected: TriageRejectedV1;
  SubmissionValidated: SubmissionValidatedV1;
  SubmissionAnonymized: SubmissionAnonymizedV1;
  SubmissionScreened: SubmissionScreenedV1;
  IndicatorPublished: IndicatorPublishedV1;
  ContactRequested: ContactRequestedV1;
  ContactRequestAnswered: ContactRequestAnsweredV1;
  SubmitterIdentityReleased: SubmitterIdentityReleasedV1;
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
  SubmissionValidated: { topic: Topics.pipelineValidated, schemaVersion: 1, payloadClass: SubmissionValidatedV1, upcasters: [] },
  SubmissionAnonymized: { topic: Topics.pipelineAnonymized, schemaVersion: 1, payloadClass: SubmissionAnonymizedV1, upcasters: [] },
  SubmissionScreened: { topic: Topics.pipelineScreened, schemaVersion: 1, payloadClass: SubmissionScreenedV1, upcasters: [] },
  IndicatorPublished: { topic: Topics.disseminationPublished, schemaVersion: 1, payloadClass: IndicatorPublishedV1, upcasters: [] },
  ContactRequested: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: ContactRequestedV1, upcasters: [] },
  ContactRequestAnswered: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: ContactRequestAnsweredV1, upcasters: [] },
  SubmitterIdentityReleased: { topic: Topics.consentContactRequests, schemaVersion: 1, payloadClass: SubmitterIdentityReleasedV1, upcasters: [] },
};

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, value);
}

export function eventTypesOn(topic: string): EventType[] {
  return (Object.keys(EVENT_CATALOG) as EventType[]).filter((type) => EVENT_CATALOG[type].topic === topic);
}
