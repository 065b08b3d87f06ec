/**
 * Every topic of the event log, with the one service that writes it and how long Kafka keeps it.
 * Deployment manifests and the topic provisioner are generated from this table, never written twice.
 */
export interface TopicSpec {
  readonly name: string;
  readonly producer: string;
  /** `-1` keeps records forever: sanitised topics are the system's history. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** Holds content that the procedures may require deleted (sealed or not yet screened). */
  readonly unsanitised: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FOREVER = -1;

export const Topics = {
  intakeSubmissions: 'ais.intake.submissions.v1',
  intakeRejections: 'ais.intake.rejections.v1',
  intakeManualSubmissions: 'ais.intake.manual-submissions.v1',
  reviewTriage: 'ais.review.triage.v1',
  reviewHeldFields: 'ais.review.held-fields.v1',
  reviewDecisions: 'ais.review.decisions.v1',
  reviewNotices: 'ais.review.notices.v1',
  consentContactRequests: 'ais.consent.contact-requests.v1',
  pipelineValidated: 'ais.pipeline.validated.v1',
  pipelineAnonymized: 'ais.pipeline.anonymized.v1',
  pipelineScreened: 'ais.pipeline.screened.v1',
  disseminationPublished: 'ais.dissemination.published.v1',
  disseminationOutcomes: 'ais.dissemination.outcomes.v1',
  profileChanges: 'ais.profile.changes.v1',
  disseminationFederalReads: 'ais.dissemination.federal-reads.v1',
  auditUsage: 'ais.audit.usage.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/**
 * Raw and pre-screening topics hold sealed content or values not yet screened for personal
 * information, so Kafka keeps them for a bounded time; from `pipeline.screened` on, nothing the
 * procedures require deleted remains, and the log keeps it for replay.
 */
export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: Topics.intakeSubmissions, producer: 'ingest-gateway', retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.intakeRejections, producer: 'schema-validator', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.intakeManualSubmissions, producer: 'ingest-gateway', retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.consentContactRequests, producer: 'submitter-anonymizer', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.reviewDecisions, producer: 'review-service', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.reviewNotices, producer: 'review-service', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.reviewHeldFields, producer: 'pii-filter', retentionMs: 30 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.reviewTriage, producer: 'review-service', retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.pipelineValidated, producer: 'schema-validator', retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.pipelineAnonymized, producer: 'submitter-anonymizer', retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete', unsanitised: true },
  { name: Topics.pipelineScreened, producer: 'pii-filter', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.disseminationPublished, producer: 'version-publisher', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  // One record per screened submission (ids and reasons: what was published, failed, replaced), for TAXII status resources.
  { name: Topics.disseminationOutcomes, producer: 'version-publisher', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  // AIS Profile change control (§2.2): every proposal, objection, decision and version, kept for good.
  { name: Topics.profileChanges, producer: 'schema-validator', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  // §4.1/§4.2 audit trail: every read of TAXII root federal, and person actions no domain event records.
  { name: Topics.disseminationFederalReads, producer: 'version-publisher', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
  { name: Topics.auditUsage, producer: 'ingest-gateway', retentionMs: FOREVER, cleanupPolicy: 'delete', unsanitised: false },
];

/** Dead letters keep the origin's retention: a dead letter is no reason to keep content longer. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function topicSpecOf(name: string): TopicSpec | undefined {
  return TOPIC_SPECS.find((spec) => spec.name === name);
}
