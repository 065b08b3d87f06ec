import { buildCausedEvent, type AnyEvent, type EventOf, type SealedBlob, type SealedSubmission } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { ProfileVersionsRepository } from '../profile/profile-versions.repository';
import { validateSubmission } from './validate-submission.decider';
import { ValidationMetrics } from './validation.metrics';

export const VALIDATE_GROUP = 'schema-validator.validate';
const PRODUCER = 'schema-validator';

/**
 * Opens a submission — a participant's TAXII submission, or a web-form or e-mail submission an
 * analyst accepted in triage (same sealed content) — validates it against the AIS Profile version
 * in force, and writes the outcome with that version. The raw content's key is destroyed once the
 * outcome is committed: rejected content is deleted (§2.3.1.1), accepted content lives on only in
 * its validated, pruned form (§2.3.1.2).
 */
@Controller()
export class ValidateSubmissionAdapter {
  constructor(
    private readonly sealer: Sealer,
    private readonly profiles: ProfileVersionsRepository,
    private readonly metrics: ValidationMetrics,
  ) {}

  @EventPattern(consumes(VALIDATE_GROUP, 'SubmissionReceived'))
  received(@Payload() event: EventOf<'SubmissionReceived'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    return this.validate(event, event.data.submissionId, event.data.channel, event.data.sealedContent, context);
  }

  @EventPattern(consumes(VALIDATE_GROUP, 'TriageAccepted'))
  triaged(@Payload() event: EventOf<'TriageAccepted'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    return this.validate(event, event.data.submissionId, event.data.channel, event.data.sealedContent, context);
  }

  private async validate(
    cause: EventOf<'SubmissionReceived'> | EventOf<'TriageAccepted'>,
    submissionId: string,
    channel: string,
    sealedContent: SealedBlob,
    context: StageContext,
  ): Promise<AnyEvent[]> {
    const content = await this.sealer.open<SealedSubmission>(sealedContent);
    const { version, profile } = await this.profiles.current();
    const decision = validateSubmission(content, profile);
    const origin = { key: submissionId, producer: PRODUCER, occurredAt: context.receivedAt };
    context.afterCommit(() => this.sealer.destroy(sealedContent.keyId));
    // Counted once the outcome is committed: a batch redone after a failure is not counted twice.
    context.afterCommit(() => Promise.resolve(this.metrics.record(decision, channel, version)));
    if (decision.kind === 'rejected') {
      return [buildCausedEvent('SubmissionRejected', { submissionId, reasons: decision.reasons }, cause, origin)];
    }
    // The identity gets a key of its own: it outlives the raw submission, for contact requests.
    const sealedSubmitter = await this.sealer.seal(randomUUID(), content.submitter);
    return [
      buildCausedEvent(
        'SubmissionValidated',
        {
          submissionId,
          profileVersion: String(version),
          // Receipt of a TAXII submission, acceptance of a triaged one: where the pipeline starts.
          receivedAt: cause.occurredAt,
          objects: decision.objects,
          submitter: decision.submitter,
          consent: decision.consent,
          failures: decision.failures,
          removals: decision.removals,
          sealedSubmitter,
        },
        cause,
        origin,
      ),
    ];
  }
}
