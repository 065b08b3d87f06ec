import { buildCausedEvent, derivedUuid, type AnyEvent, type EventOf } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { screenSubmission } from './screen-submission.decider';
import { ScreeningMetrics } from './screening.metrics';

export const SCREEN_GROUP = 'pii-filter.screen';

/** A new id for an observable whose id-contributing value was withheld: same on every redo. */
function newIdFor(submissionId: string) {
  return (oldId: string): string => `${oldId.slice(0, oldId.indexOf('--'))}--${derivedUuid(`ais-redacted:${submissionId}:${oldId}`)}`;
}

/**
 * Screens a submission and writes the cleared objects on, and each object's withheld fields
 * sealed — under a key of their own, destroyed by review-service once decided — for review.
 */
@Controller()
export class ScreenSubmissionAdapter {
  constructor(
    private readonly sealer: Sealer,
    private readonly metrics: ScreeningMetrics,
  ) {}

  @EventPattern(consumes(SCREEN_GROUP, 'SubmissionAnonymized'))
  async screen(@Payload() event: EventOf<'SubmissionAnonymized'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const decision = screenSubmission(event.data, newIdFor(event.data.submissionId));
    const origin = { producer: 'pii-filter', occurredAt: context.receivedAt };
    const held: AnyEvent[] = [];
    for (const hold of decision.holds) {
      const sealedValues = await this.sealer.seal(randomUUID(), { values: hold.values, object: hold.cleared });
      held.push(
        buildCausedEvent(
          'FieldsHeld',
          {
            submissionId: event.data.submissionId,
            objectId: hold.objectId,
            objectType: hold.objectType,
            objectVersion: hold.objectVersion,
            fields: hold.fields.map((field) => ({ path: field.path, detector: field.detector, reason: field.reason })),
            sealedValues,
          },
          event,
          { ...origin, key: hold.objectId },
        ),
      );
    }
    this.metrics.fields.inc({ outcome: 'screened' }, decision.stats.screenedFields);
    this.metrics.fields.inc({ outcome: 'held' }, decision.stats.heldFields);
    this.metrics.objects.inc({ outcome: 'nuisance' }, decision.stats.nuisance);
    this.metrics.objects.inc({ outcome: 'with-held-fields' }, decision.holds.length);
    return [...held, buildCausedEvent('SubmissionScreened', decision.screened, event, { ...origin, key: event.data.submissionId })];
  }
}
