import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { REVIEW_SERVICE_SCHEMA } from './migrations';
import { ReviewTasksController } from './tasks/review-tasks.controller';
import { ReviewTasksRepository } from './tasks/review-tasks.repository';
import { TriageAdapter } from './triage/triage.adapter';
import { TriageController } from './triage/triage.controller';
import { TriageProjection } from './triage/triage.projection';
import { TriageRepository } from './triage/triage.repository';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'review-service', schema: REVIEW_SERVICE_SCHEMA.schema, config })],
      controllers: [ReviewTasksController, TriageController, TriageProjection],
      providers: [ReviewTasksRepository, TriageRepository, TriageAdapter],
    };
  }
}
