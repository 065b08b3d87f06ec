import { buildCausedEvent, type AnyEvent, type EventOf, type SealedSubmission } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { PROFILE_VERSION, validateSubmission } from './validate-submission.decider';

export const VALIDATE_GROUP = 'schema-validator.validate';
const PRODUCER = 'schema-validator';

/**
 * Opens a received submission, decides, and writes the outcome. The raw content's key is
 * destroyed once the outcome is committed: rejected content is deleted (§2.3.1.1), accepted
 * content lives on only in its validated form.
 */
@Controller()
export class ValidateSubmissionAdapter {
  constructor(private readonly sealer: Sealer) {}

  @EventPattern(consumes(VALIDATE_GROUP, 'SubmissionReceived'))
  async validate(@Payload() event: EventOf<'SubmissionReceived'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const { submissionId, sealedContent } = event.data;
    const content = await this.sealer.open<SealedSubmission>(sealedContent);
    const decision = validateSubmission(content);
    const origin = { key: submissionId, producer: PRODUCER, occurredAt: context.receivedAt };
    context.afterCommit(() => this.sealer.destroy(sealedContent.keyId));
    if (decision.kind === 'rejected') {
      return [buildCausedEvent('SubmissionRejected', { submissionId, reasons: decision.reasons }, event, origin)];
    }
    // The identity gets a key of its own: it outlives the raw submission, for contact requests.
    const sealedSubmitter = await this.sealer.seal(randomUUID(), content.submitter);
    return [
      buildCausedEvent(
        'SubmissionValidated',
        {
          submissionId,
          profileVersion: PROFILE_VERSION,
          objects: decision.objects,
          submitter: decision.submitter,
          consent: decision.consent,
          failures: decision.failures,
          removals: [],
          sealedSubmitter,
        },
        event,
        origin,
      ),
    ];
  }
}
