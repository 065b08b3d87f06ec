import type { Principal } from '@ais/auth';
import { buildEvent, type AnyEvent, type SealedBlob, type SubmitterIdentity } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { Sealer } from '@ais/sealing';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { IDENTITY_SECRET } from '../anonymize/identity-secret';
import { ContactErrorCode, decideAnswer, decideRelease, type ContactRequestState } from './contact-request.decider';
import { submitterRefOf } from './submitter-ref';

export interface ContactRequestView {
  readonly id: string;
  readonly objectId: string;
  readonly federalEntity: string;
  readonly state: ContactRequestState;
  readonly requestedAt: string;
  readonly answeredAt: string | null;
}

export interface ReleasedIdentity {
  readonly organisation: string;
  readonly sectors: string[];
  readonly city?: string;
  readonly state?: string;
  readonly country: string;
}

interface RequestRow {
  id: string;
  object_id: string;
  federal_entity: string;
  state: ContactRequestState;
  requested_at: Date;
  answered_at: Date | null;
  submitter_ref: string | null;
  sealed_submitter: SealedBlob | null;
}

const STATUS: Record<ContactErrorCode, HttpStatus> = {
  [ContactErrorCode.UnknownObject]: HttpStatus.NOT_FOUND,
  [ContactErrorCode.UnknownRequest]: HttpStatus.NOT_FOUND,
  [ContactErrorCode.AlreadyAnswered]: HttpStatus.CONFLICT,
  [ContactErrorCode.NotYours]: HttpStatus.NOT_FOUND,
  [ContactErrorCode.NotGranted]: HttpStatus.FORBIDDEN,
};

function refused(code: ContactErrorCode): CodedError {
  return new CodedError(code, STATUS[code], code === ContactErrorCode.NotGranted ? 'the submitter has not granted this request' : 'no such contact request or object');
}

/**
 * Contact requests (§2.3.1.3): every step is written to the log before its row commits, and the
 * identity is opened only for the one entity a submitter granted.
 */
@Injectable()
export class ContactRequestsAdapter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly sealer: Sealer,
    @Inject(IDENTITY_SECRET) private readonly idSecret: Buffer,
  ) {}

  async request(principal: Principal, objectId: string, now: Date): Promise<ContactRequestView> {
    const federalEntity = principal.federalEntity;
    if (federalEntity === null) {
      throw new CodedError('AIS_CONTACT_NO_ENTITY', HttpStatus.FORBIDDEN, 'only a federal entity may request contact');
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const rows: { submission_id: string }[] = await tx.query(
        `SELECT submission_id FROM anonymizer.submission_objects WHERE object_id = $1 LIMIT 1`,
        [objectId],
      );
      const submissionId = rows[0]?.submission_id;
      if (submissionId === undefined) {
        throw refused(ContactErrorCode.UnknownObject);
      }
      await tx.query(
        `INSERT INTO anonymizer.contact_requests (id, object_id, submission_id, federal_entity, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, objectId, submissionId, federalEntity, principal.id, now],
      );
      await this.emit(buildEvent('ContactRequested', { requestId: id, objectId, federalEntity, requestedBy: principal.id, requestedAt: now.toISOString() }, this.origin(id, now)));
    });
    return (await this.find(id))!;
  }

  /** A participant sees requests about its own submissions; a federal consumer its entity's. */
  async list(principal: Principal): Promise<ContactRequestView[]> {
    const rows: RequestRow[] =
      principal.role === 'participant'
        ? await this.dataSource.query(`${SELECT} WHERE s.submitter_ref = $1 ORDER BY r.requested_at`, [submitterRefOf(this.idSecret, principal.id)])
        : await this.dataSource.query(`${SELECT} WHERE r.federal_entity = $1 ORDER BY r.requested_at`, [principal.federalEntity ?? '']);
    return rows.map(toView);
  }

  async answer(principal: Principal, id: string, grant: boolean, now: Date): Promise<ContactRequestView> {
    await this.dataSource.transaction(async (tx) => {
      const row = await this.lock(tx, id);
      const decision = decideAnswer({ state: row.state, submitterId: row.submitter_ref ?? '' }, submitterRefOf(this.idSecret, principal.id), grant);
      if (!decision.ok) {
        throw refused(decision.code);
      }
      await tx.query(`UPDATE anonymizer.contact_requests SET state = $2, answered_by = $3, answered_at = $4 WHERE id = $1`, [id, decision.value, principal.id, now]);
      await this.emit(buildEvent('ContactRequestAnswered', { requestId: id, granted: grant, answeredBy: principal.id, answeredAt: now.toISOString() }, this.origin(id, now)));
    });
    return (await this.find(id))!;
  }

  async release(principal: Principal, id: string, now: Date): Promise<ReleasedIdentity> {
    const row = (await this.dataSource.query<RequestRow[]>(`${SELECT} WHERE r.id = $1`, [id]))[0];
    if (row === undefined) {
      throw refused(ContactErrorCode.UnknownRequest);
    }
    const decision = decideRelease({ state: row.state, federalEntity: row.federal_entity }, principal.federalEntity);
    if (!decision.ok) {
      throw refused(decision.code);
    }
    if (row.sealed_submitter === null) {
      throw refused(ContactErrorCode.UnknownRequest);
    }
    const identity = await this.sealer.open<SubmitterIdentity>(row.sealed_submitter);
    await this.emit(buildEvent('SubmitterIdentityReleased', { requestId: id, federalEntity: row.federal_entity, channel: 'read', releasedTo: principal.id }, this.origin(id, now)));
    return { organisation: identity.organisation, ...identity.profile };
  }

  async find(id: string): Promise<ContactRequestView | null> {
    const rows: RequestRow[] = await this.dataSource.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] === undefined ? null : toView(rows[0]);
  }

  private async lock(tx: EntityManager, id: string): Promise<RequestRow> {
    const rows: RequestRow[] = await tx.query(`${SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    if (rows[0] === undefined) {
      throw refused(ContactErrorCode.UnknownRequest);
    }
    return rows[0];
  }

  private emit(event: AnyEvent): Promise<void> {
    return this.publisher.publish([event]);
  }

  private origin(requestId: string, now: Date) {
    return { key: requestId, producer: 'submitter-anonymizer', correlationId: requestId, causationId: null, occurredAt: now };
  }
}

const SELECT = `SELECT r.id, r.object_id, r.federal_entity, r.state, r.requested_at, r.answered_at, s.submitter_ref, s.sealed_submitter
  FROM anonymizer.contact_requests r JOIN anonymizer.submissions s USING (submission_id)`;

function toView(row: RequestRow): ContactRequestView {
  return {
    id: row.id,
    objectId: row.object_id,
    federalEntity: row.federal_entity,
    state: row.state,
    requestedAt: row.requested_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}
