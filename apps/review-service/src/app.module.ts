import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { REVIEW_SERVICE_SCHEMA } from './migrations';
import { ReviewTasksController } from './tasks/review-tasks.controller';
import { ReviewTasksRepository } from './tasks/review-tasks.repository';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'review-service', schema: REVIEW_SERVICE_SCHEMA.schema, config })],
      controllers: [ReviewTasksController],
      providers: [ReviewTasksRepository],
    };
  }
}
