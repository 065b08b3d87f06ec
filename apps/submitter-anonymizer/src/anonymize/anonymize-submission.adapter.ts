import { buildCausedEvent, type AnyEvent, type EventOf } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { anonymizeSubmission } from './anonymize-submission.decider';

export const ANONYMIZE_GROUP = 'submitter-anonymizer.anonymize';

@Controller()
export class AnonymizeSubmissionAdapter {
  @EventPattern(consumes(ANONYMIZE_GROUP, 'SubmissionValidated'))
  anonymize(@Payload() event: EventOf<'SubmissionValidated'>, @Ctx() context: StageContext): AnyEvent[] {
    const data = anonymizeSubmission(event.data);
    return [buildCausedEvent('SubmissionAnonymized', data, event, { key: data.submissionId, producer: 'submitter-anonymizer', occurredAt: context.receivedAt })];
  }
}
