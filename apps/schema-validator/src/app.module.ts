import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { SCHEMA_VALIDATOR_SCHEMA } from './migrations';
import { ValidateSubmissionAdapter } from './validate/validate-submission.adapter';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'schema-validator', schema: SCHEMA_VALIDATOR_SCHEMA.schema, config })],
      controllers: [ValidateSubmissionAdapter],
    };
  }
}
