import type { AnyEvent } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { AUDIT_EVENT_TYPES, AUDIT_GROUP, isAuditEventType, type AuditEvent } from './audit-events';
import { AuditProjectionStore } from './audit-projection.store';

/**
 * The §4.1 counts and the §4.2 usage log, projected from the log by one consumer group: each
 * batch's rows and the partition's checkpoint commit in one transaction (the transport's), so a
 * redelivered event is never applied twice, and rebuilding into fresh tables by replay gives the
 * same rows (`scripts/audit-replay.ts`).
 */
@Controller()
export class AuditProjection {
  constructor(private readonly store: AuditProjectionStore) {}

  @EventPattern(AUDIT_EVENT_TYPES.map((type) => consumes(AUDIT_GROUP, type)))
  apply(@Payload() event: AnyEvent, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    if (isAuditEventType(event.type)) {
      this.store.batchFor(ctx.tx).add(event as AuditEvent);
    }
  }
}
