import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ScreenSubmissionAdapter } from './screen/screen-submission.adapter';
import { ScreeningMetrics } from './screen/screening.metrics';
import { PII_FILTER_SCHEMA } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'pii-filter', schema: PII_FILTER_SCHEMA.schema, config })],
      controllers: [ScreenSubmissionAdapter],
      providers: [ScreeningMetrics],
    };
  }
}
