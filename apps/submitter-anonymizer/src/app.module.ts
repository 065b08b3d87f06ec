import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { AnonymizeSubmissionAdapter } from './anonymize/anonymize-submission.adapter';
import { IDENTITY_SECRET, identitySecretOf } from './anonymize/identity-secret';
import { SubmissionRecordsRepository } from './anonymize/submission-records.repository';
import { ContactRequestsAdapter } from './contact/contact-requests.adapter';
import { ContactRequestsController } from './contact/contact-requests.controller';
import { SUBMITTER_ANONYMIZER_SCHEMA } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'submitter-anonymizer', schema: SUBMITTER_ANONYMIZER_SCHEMA.schema, config })],
      controllers: [AnonymizeSubmissionAdapter, ContactRequestsController],
      providers: [{ provide: IDENTITY_SECRET, useValue: identitySecretOf(config) }, ContactRequestsAdapter, SubmissionRecordsRepository],
    };
  }
}
