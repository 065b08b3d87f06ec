import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { HeldFieldDecisionAdapter } from './held-fields/held-field-decision.adapter';
import { HeldFieldDecisionController } from './held-fields/held-field-decision.controller';
import { HeldFieldsAdapter } from './held-fields/held-fields.adapter';
import { HeldFieldsProjection } from './held-fields/held-fields.projection';
import { HeldFieldsRepository } from './held-fields/held-fields.repository';
import { ReviewTaskViewController } from './held-fields/review-task-view.controller';
import { ReviewBacklogMetricsModule } from './metrics/review-backlog-metrics.module';
import { REVIEW_SERVICE_SCHEMA } from './migrations';
import { NoticesModule } from './notices/notices.module';
import { ReviewTasksController } from './tasks/review-tasks.controller';
import { ReviewTasksRepository } from './tasks/review-tasks.repository';
import { TriageAdapter } from './triage/triage.adapter';
import { TriageController } from './triage/triage.controller';
import { TriageProjection } from './triage/triage.projection';
import { TriageRepository } from './triage/triage.repository';
import { AnalystUiModule } from './ui/analyst-ui.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'review-service', schema: REVIEW_SERVICE_SCHEMA.schema, config }), AnalystUiModule, NoticesModule, ReviewBacklogMetricsModule],
      // ReviewTaskViewController before TriageController: its `GET /review/tasks/:id` serves every kind of task.
      controllers: [ReviewTasksController, ReviewTaskViewController, HeldFieldDecisionController, TriageController, TriageProjection, HeldFieldsProjection],
      providers: [ReviewTasksRepository, TriageRepository, TriageAdapter, HeldFieldsRepository, HeldFieldsAdapter, HeldFieldDecisionAdapter],
    };
  }
}
