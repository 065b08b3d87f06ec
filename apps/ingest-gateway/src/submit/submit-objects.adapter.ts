import type { Principal } from '@ais/auth';
import { buildEvent, type SealedSubmission, type StixObject } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StatusRepository } from '../status/status.repository';
import { statusKeyOf } from './parse-envelope';

/**
 * Accepts a submission: seals the raw objects with the submitter's identity under a fresh data
 * key, records a pending status resource and writes `SubmissionReceived` to the log. The status
 * row commits only after the event is in the log, so a status never points at nothing.
 */
@Injectable()
export class SubmitObjectsAdapter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: Sealer,
    private readonly publisher: EventPublisher,
    private readonly statuses: StatusRepository,
  ) {}

  async submit(principal: Principal, objects: unknown[], now: Date): Promise<string> {
    const submissionId = randomUUID();
    const content: SealedSubmission = {
      objects: objects as StixObject[],
      submitter: {
        principalId: principal.id,
        organisation: principal.organisation,
        profile: {
          sectors: [...principal.sectors],
          city: principal.city ?? undefined,
          state: principal.state ?? undefined,
          country: principal.country,
        },
        defaultConsent: principal.defaultConsent,
      },
    };
    const sealedContent = await this.sealer.seal(submissionId, content);
    await this.dataSource.transaction(async (tx) => {
      await this.statuses.create(tx, submissionId, principal.id, objects.map(statusKeyOf), now);
      await this.publisher.publish([
        buildEvent(
          'SubmissionReceived',
          { submissionId, channel: 'taxii', principalId: principal.id, objectCount: objects.length, receivedAt: now.toISOString(), sealedContent },
          { key: submissionId, producer: 'ingest-gateway', correlationId: submissionId, causationId: null, occurredAt: now },
        ),
      ]);
    });
    return submissionId;
  }
}
