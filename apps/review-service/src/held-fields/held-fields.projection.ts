import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { HeldFieldsRepository } from './held-fields.repository';

export const HELD_FIELDS_GROUP = 'review-service.held-fields';

/**
 * The held-field queue as a projection of `ais.review.held-fields.v1` (§2.3.2.2 intake): each
 * `FieldsHeld` opens one `open` task of kind `held-field` carrying what was held (path, detector,
 * reason) and the sealed values as they came — the plaintext never reaches the database. Rows
 * and checkpoint commit together, and a task is unique per submission, object and version, so a
 * redelivered or re-screened event changes nothing.
 */
@Controller()
export class HeldFieldsProjection {
  constructor(private readonly repository: HeldFieldsRepository) {}

  @EventPattern(consumes(HELD_FIELDS_GROUP, 'FieldsHeld'))
  async held(@Payload() event: EventOf<'FieldsHeld'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const { submissionId, objectId, objectType, objectVersion, fields, sealedValues } = event.data;
    await this.repository.open(ctx.tx, {
      eventId: event.eventId,
      submissionId,
      objectId,
      objectType,
      objectVersion,
      fields,
      sealedValues,
      heldAt: event.occurredAt,
      source: { topic: ctx.topic, partition: ctx.partition, offset: ctx.offset },
    });
  }
}
