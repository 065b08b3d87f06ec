import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HeldFieldClaimAdapter } from '../held-fields/held-field-claim.adapter';
import { HeldFieldDecisionAdapter } from '../held-fields/held-field-decision.adapter';
import { HeldFieldsAdapter } from '../held-fields/held-fields.adapter';
import { HeldFieldsRepository } from '../held-fields/held-fields.repository';
import { NoticesModule } from '../notices/notices.module';
import { ReviewTasksRepository } from '../tasks/review-tasks.repository';
import { TriageAdapter } from '../triage/triage.adapter';
import { TriageRepository } from '../triage/triage.repository';
import { AnalystFormBodyMiddleware } from './analyst-form-body.middleware';
import { AnalystUiController } from './analyst-ui.controller';
import { HeldFieldQueueRepository } from './held-field-queue.repository';

/**
 * The analyst web UI under `/analyst`. Its adapters are the JSON API's own classes (stateless over
 * the database, the sealer and the log): the notices module's exports, and the held-field and triage
 * classes provided here so the module stands on its own.
 */
@Module({
  imports: [NoticesModule],
  controllers: [AnalystUiController],
  providers: [
    ReviewTasksRepository,
    HeldFieldsRepository,
    HeldFieldsAdapter,
    HeldFieldClaimAdapter,
    HeldFieldDecisionAdapter,
    TriageRepository,
    TriageAdapter,
    HeldFieldQueueRepository,
    AnalystFormBodyMiddleware,
  ],
})
export class AnalystUiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AnalystFormBodyMiddleware).forRoutes({ path: 'analyst/*path', method: RequestMethod.POST });
  }
}
