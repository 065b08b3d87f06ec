import { buildCausedEvent, type AnyEvent, type EventOf, type SubmitterIdentity } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { anonymizeSubmission } from './anonymize-submission.decider';
import { submitterRefOf } from '../contact/submitter-ref';
import { freshIdsFor } from './fresh-ids';
import { IDENTITY_SECRET } from './identity-secret';
import { SubmissionRecordsRepository } from './submission-records.repository';

export const ANONYMIZE_GROUP = 'submitter-anonymizer.anonymize';

/**
 * Applies the submitter's consent and remembers, per submission, its sealed identity and its
 * objects for contact requests. The rows are written before the stage's transaction commits and
 * are idempotent, so a redo after a crash finds them and writes the same output.
 */
@Controller()
export class AnonymizeSubmissionAdapter {
  constructor(
    private readonly sealer: Sealer,
    private readonly records: SubmissionRecordsRepository,
    @Inject(IDENTITY_SECRET) private readonly idSecret: Buffer,
  ) {}

  @EventPattern(consumes(ANONYMIZE_GROUP, 'SubmissionValidated'))
  async anonymize(@Payload() event: EventOf<'SubmissionValidated'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const validated = event.data;
    const submitter = validated.sealedSubmitter === undefined ? null : await this.sealer.open<SubmitterIdentity>(validated.sealedSubmitter);
    const result = anonymizeSubmission({
      objects: validated.objects,
      consent: validated.consent,
      submitter: validated.submitter,
      organisation: submitter?.organisation ?? 'AIS participant',
      fresh: freshIdsFor(this.idSecret, validated.submissionId),
      now: new Date(event.occurredAt),
    });
    await this.records.remember({
      submissionId: validated.submissionId,
      consent: validated.consent,
      creatorId: result.creatorId,
      submitterRef: submitter === null ? null : submitterRefOf(this.idSecret, submitter.principalId),
      sealedSubmitter: validated.sealedSubmitter === undefined ? null : JSON.stringify(validated.sealedSubmitter),
      objectIds: result.objects.map((o) => o.id),
    });
    return [
      buildCausedEvent(
        'SubmissionAnonymized',
        {
          submissionId: validated.submissionId,
          profileVersion: validated.profileVersion,
          receivedAt: validated.receivedAt,
          objects: result.objects,
          submitter: validated.submitter,
          consent: validated.consent,
          failures: validated.failures,
          replaced: result.replacedIdentityIds.map((objectId) => ({
            objectId,
            code: 'AIS_ANONYMIZED_SUBMITTER_IDENTITY',
            message: 'accepted; replaced by an anonymous identity for lack of consent (§2.3.1.3)',
          })),
        },
        event,
        { key: validated.submissionId, producer: 'submitter-anonymizer', occurredAt: context.receivedAt },
      ),
    ];
  }
}
