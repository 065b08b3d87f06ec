import type { Principal } from '@ais/auth';
import { buildEvent, type SealedSubmission, type StixObject } from '@ais/contracts';
import { Sealer } from '@ais/sealing';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { acceptedKey, acceptedStatus, StatusRepository, type NewStatusObject, type StatusResource } from '../status/status.repository';
import { statusKeyOf, versionKeyOf } from './parse-envelope';
import { ReceivedWriter } from './received-writer';

/** The status message of an object version the principal had already had accepted. */
export const DUPLICATE_MESSAGE = 'duplicate of an accepted version';

/**
 * Accepts a submission: seals the raw objects with the submitter's identity under a fresh data
 * key, records a pending status resource and writes `SubmissionReceived` to the log (`ReceivedWriter`:
 * the status row commits only after the event is in the log, so a status never points at nothing).
 *
 * Exact duplicates (same `id` and `modified` as a version this principal already had published)
 * are successes at once and stay out of the submission; a POST of nothing but duplicates writes
 * no event and its status is complete from the start.
 */
@Injectable()
export class SubmitObjectsAdapter {
  constructor(
    private readonly sealer: Sealer,
    private readonly statuses: StatusRepository,
    private readonly received: ReceivedWriter,
  ) {}

  /** The new status resource, as written. */
  async submit(principal: Principal, objects: unknown[], now: Date): Promise<StatusResource> {
    const submissionId = randomUUID();
    const versionKeys = objects.map(versionKeyOf);
    const accepted = await this.statuses.acceptedAmong(
      principal.id,
      versionKeys.filter((key) => key !== null),
    );
    const isDuplicate = versionKeys.map((key) => key !== null && accepted.has(acceptedKey(key.id, key.version)));
    const entries = objects.map(
      (object, i): NewStatusObject => ({ ...statusKeyOf(object), ...(isDuplicate[i] === true ? { state: 'success', message: DUPLICATE_MESSAGE } : {}) }),
    );
    const fresh = objects.filter((_, i) => isDuplicate[i] !== true);
    const status = { id: submissionId, principalId: principal.id, objects: entries, requestedAt: now };
    if (fresh.length === 0) {
      await this.received.write({ status, event: null });
      return acceptedStatus(submissionId, now, entries);
    }
    const content: SealedSubmission = {
      objects: fresh as StixObject[],
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
    const event = buildEvent(
      'SubmissionReceived',
      { submissionId, channel: 'taxii', principalId: principal.id, objectCount: fresh.length, receivedAt: now.toISOString(), sealedContent },
      { key: submissionId, producer: 'ingest-gateway', correlationId: submissionId, causationId: null, occurredAt: now },
    );
    try {
      await this.received.write({ status, event });
    } catch (error) {
      if (!isMessageTooLarge(error)) {
        throw error;
      }
      // Nothing was written: the content's key goes too, so no sealed copy of it can ever be opened.
      await this.sealer.destroy(submissionId);
      throw new SubmissionTooLargeForLogError();
    }
    return acceptedStatus(submissionId, now, entries);
  }
}

/**
 * The sealed submission is larger than one log record may be (the broker's `message.max.bytes`),
 * though the body kept the TAXII size limit: the POST is refused (413), nothing is kept.
 */
export class SubmissionTooLargeForLogError extends Error {
  constructor() {
    super('the sealed submission is larger than the log accepts');
    this.name = 'SubmissionTooLargeForLogError';
  }
}

/** The broker's refusal of a record over its size limit (Kafka error MESSAGE_TOO_LARGE, code 10). */
function isMessageTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'MESSAGE_TOO_LARGE';
}
