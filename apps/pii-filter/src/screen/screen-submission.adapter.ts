import { buildCausedEvent, type AnyEvent, type EventOf } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { screenSubmission } from './screen-submission.decider';

export const SCREEN_GROUP = 'pii-filter.screen';

@Controller()
export class ScreenSubmissionAdapter {
  @EventPattern(consumes(SCREEN_GROUP, 'SubmissionAnonymized'))
  screen(@Payload() event: EventOf<'SubmissionAnonymized'>, @Ctx() context: StageContext): AnyEvent[] {
    const data = screenSubmission(event.data);
    return [buildCausedEvent('SubmissionScreened', data, event, { key: data.submissionId, producer: 'pii-filter', occurredAt: context.receivedAt })];
  }
}
