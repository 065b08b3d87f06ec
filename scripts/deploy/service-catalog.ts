/**
 * What each of the seven services reads and writes on Kafka, as the deploy generator needs it to
 * size autoscaling and to write least-privilege ACLs. Topics come from the contracts (the event
 * catalog and `TOPIC_SPECS.producer`); only the consumer groups and the event types each group
 * handles are listed here, and test/deploy checks them against the apps' `consumes(GROUP, type)`.
 */
import { DEFAULT_PORTS, type ServiceName } from '@ais/config';
import { deadLetterTopicOf, EVENT_CATALOG, TOPIC_SPECS, type EventType } from '@ais/contracts';
import { AUDIT_EVENT_TYPES, AUDIT_GROUP } from '../../apps/audit-projector/src/projection/audit-events';
import { BOARD_EVENT_TYPES } from '../../apps/schema-validator/src/change-control/change-control.decider';

/** A stage commits outputs and offsets in Kafka transactions; a projection commits to PostgreSQL. */
export type GroupKind = 'stage' | 'projection';

export interface ConsumerGroup {
  readonly id: string;
  readonly kind: GroupKind;
  readonly types: readonly EventType[];
}

export interface ServiceSpec {
  readonly name: ServiceName;
  readonly port: number;
  readonly groups: readonly ConsumerGroup[];
  /** Reachable from outside the cluster through the Ingress. */
  readonly exposed: boolean;
}

const group = (id: string, kind: GroupKind, types: readonly EventType[]): ConsumerGroup => ({ id, kind, types });

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'ingest-gateway',
    port: DEFAULT_PORTS['ingest-gateway'],
    groups: [group('ingest-gateway.status', 'projection', ['SubmissionRejected', 'SubmissionConcluded'])],
    exposed: true,
  },
  {
    name: 'schema-validator',
    port: DEFAULT_PORTS['schema-validator'],
    groups: [group('schema-validator.validate', 'stage', ['SubmissionReceived', 'TriageAccepted']), group('schema-validator.profile', 'projection', BOARD_EVENT_TYPES)],
    exposed: false,
  },
  {
    name: 'submitter-anonymizer',
    port: DEFAULT_PORTS['submitter-anonymizer'],
    groups: [group('submitter-anonymizer.anonymize', 'stage', ['SubmissionValidated'])],
    exposed: false,
  },
  {
    name: 'pii-filter',
    port: DEFAULT_PORTS['pii-filter'],
    groups: [group('pii-filter.screen', 'stage', ['SubmissionAnonymized'])],
    exposed: false,
  },
  {
    name: 'review-service',
    port: DEFAULT_PORTS['review-service'],
    groups: [
      group('review-service.triage', 'projection', ['ManualSubmissionReceived', 'TriageAccepted', 'TriageRejected']),
      group('review-service.held-fields', 'projection', ['FieldsHeld']),
      group('review-service.notices', 'projection', ['PiiNoticeFiled']),
    ],
    exposed: false,
  },
  {
    name: 'version-publisher',
    port: DEFAULT_PORTS['version-publisher'],
    groups: [
      group('version-publisher.publish', 'stage', ['SubmissionScreened']),
      group('version-publisher.enrich', 'stage', ['SubmissionScreened']),
      group('version-publisher.review', 'stage', ['ReviewDecided']),
      group('version-publisher.repository', 'projection', ['IndicatorPublished']),
    ],
    exposed: true,
  },
  {
    name: 'audit-projector',
    port: DEFAULT_PORTS['audit-projector'],
    groups: [group(AUDIT_GROUP, 'projection', AUDIT_EVENT_TYPES)],
    exposed: false,
  },
];

/** The topics that carry a group's event types. */
export function topicsOf(consumer: ConsumerGroup): string[] {
  return [...new Set(consumer.types.map((type) => EVENT_CATALOG[type].topic as string))].sort();
}

/** Every topic a service's groups read. */
export function consumedTopics(service: ServiceSpec): string[] {
  return [...new Set(service.groups.flatMap(topicsOf))].sort();
}

/** The topics a service owns (`TOPIC_SPECS.producer`) and the dead letters of what it reads. */
export function writtenTopics(service: ServiceSpec): string[] {
  const owned = TOPIC_SPECS.filter((spec) => spec.producer === service.name).map((spec) => spec.name);
  return [...new Set([...owned, ...consumedTopics(service).map(deadLetterTopicOf)])].sort();
}
