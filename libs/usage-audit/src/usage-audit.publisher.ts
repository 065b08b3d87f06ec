import { buildEvent, type AnyEvent, type FederalReadResource, type UsageDetailValue } from '@ais/contracts';
import type { EventPublisher } from '@ais/messaging';
import { randomUUID } from 'node:crypto';

/** Who acted: a principal as the auth guard attached it (only these fields are read). */
export interface UsageActor {
  readonly id: string;
  readonly role: string;
  readonly federalEntity?: string | null;
}

export interface UsageRecord {
  readonly actor: UsageActor;
  /** Dotted lowercase: `admin.principal.create`. */
  readonly action: string;
  /** `<kind>/<id>`: `principal/2f1e…`. */
  readonly resource: string;
  /** A few short facts (a role, an entity, a flag); never a value from a submission. */
  readonly detail?: Readonly<Record<string, UsageDetailValue>>;
  readonly at: Date;
}

export interface FederalRead {
  readonly reader: UsageActor;
  readonly resource: FederalReadResource;
  readonly objectCount: number;
  readonly objectId?: string;
  readonly at: Date;
}

/** The one method of `EventPublisher` this needs, so tests can pass a fake. */
export type UsagePublishPort = Pick<EventPublisher, 'publish'>;

/**
 * Writes §4.2 usage records into the log (`UsageRecorded`, `FederalObjectsRead`), for
 * audit-projector's tamper-evident usage log. `record` resolves once the event is in the log, so a
 * caller that awaits it before answering never serves an unrecorded action.
 *
 * A plain class over the service's `EventPublisher` (its topic prefix included): a service wires it
 * with `UsageAuditModule` or constructs it where its module cannot change.
 */
export class UsageAuditPublisher {
  constructor(
    private readonly publisher: UsagePublishPort,
    /** The service writing: `producer` of the envelopes. */
    private readonly producer: string,
  ) {}

  /** An action no domain event records (admin API, …): `UsageRecorded`. */
  async record(usage: UsageRecord): Promise<void> {
    await this.publisher.publish([this.usageEvent(usage)]);
  }

  /** A read of TAXII root `federal`: `FederalObjectsRead`. */
  async federalRead(read: FederalRead): Promise<void> {
    await this.publisher.publish([this.federalReadEvent(read)]);
  }

  usageEvent(usage: UsageRecord): AnyEvent {
    const eventId = randomUUID();
    return buildEvent(
      'UsageRecorded',
      {
        actor: usage.actor.id,
        role: usage.actor.role,
        action: usage.action,
        resource: usage.resource,
        at: usage.at.toISOString(),
        ...(usage.detail === undefined ? {} : { detail: { ...usage.detail } }),
      },
      // No submission is involved: the record correlates with itself.
      { eventId, key: usage.actor.id, producer: this.producer, correlationId: eventId, causationId: null, occurredAt: usage.at },
    );
  }

  federalReadEvent(read: FederalRead): AnyEvent {
    const eventId = randomUUID();
    const entity = read.reader.federalEntity ?? null;
    return buildEvent(
      'FederalObjectsRead',
      {
        principalId: read.reader.id,
        role: read.reader.role,
        ...(entity === null ? {} : { federalEntity: entity }),
        resource: read.resource,
        ...(read.objectId === undefined ? {} : { objectId: read.objectId }),
        objectCount: read.objectCount,
        readAt: read.at.toISOString(),
      },
      { eventId, key: read.reader.id, producer: this.producer, correlationId: eventId, causationId: null, occurredAt: read.at },
    );
  }
}
