import { buildEvent, type ManualChannel, type StixObject } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ManualSubmissionFields } from './manual-submission.dto';

/**
 * The plaintext sealed into `ManualSubmissionReceived.sealedContent`: the fields as entered
 * (normalised), the channel and the time received; for an e-mail also the STIX objects it carried.
 * review-service opens it for the analyst and builds the STIX objects from it on acceptance.
 */
export interface ManualSubmissionContent {
  readonly channel: ManualChannel;
  readonly receivedAt: string;
  readonly fields: ManualSubmissionFields;
  readonly stixObjects?: StixObject[];
}

/**
 * Takes a validated web-form or e-mail submission to the triage queue (§3.2): seals it under a
 * fresh submission id (the id is also the data key's id) and writes `ManualSubmissionReceived`.
 * It never goes straight to the pipeline; an analyst's acceptance does that.
 */
@Injectable()
export class ManualSubmissionAdapter {
  constructor(
    private readonly sealer: Sealer,
    private readonly publisher: EventPublisher,
  ) {}

  /** Resolves with the submission id (the submitter's reference) once the event is in the log. */
  async submit(channel: ManualChannel, fields: ManualSubmissionFields, stixObjects: StixObject[] | null, now: Date): Promise<string> {
    const submissionId = randomUUID();
    const receivedAt = now.toISOString();
    const content: ManualSubmissionContent = { channel, receivedAt, fields, ...(stixObjects === null ? {} : { stixObjects }) };
    const sealedContent = await this.sealer.seal(submissionId, content);
    try {
      await this.publisher.publish([
        buildEvent(
          'ManualSubmissionReceived',
          { submissionId, channel, kind: fields.kind, receivedAt, sealedContent },
          { key: submissionId, producer: 'ingest-gateway', correlationId: submissionId, causationId: null, occurredAt: now },
        ),
      ]);
    } catch (error) {
      // Nothing points at the content: its key goes, so no readable copy outlives the failure.
      await this.sealer.destroy(submissionId).catch(() => undefined);
      throw error;
    }
    return submissionId;
  }
}
