import 'reflect-metadata';
import { attachStage, FIRST_VERSION_FETCH, STAGE_RECORD_CONCURRENCY } from '@ais/messaging';
import { main } from '@ais/platform';
import { json } from 'express';
import { ANONYMIZE_GROUP } from './anonymize/anonymize-submission.adapter';
import { AppModule } from './app.module';
import { SUBMITTER_ANONYMIZER_SCHEMA } from './migrations';

main({
  service: 'submitter-anonymizer',
  owner: SUBMITTER_ANONYMIZER_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  configure: (app) => app.use('/contact-requests', json({ limit: '4kb' })),
  consumers: (app) => attachStage(app, { group: ANONYMIZE_GROUP, recordConcurrency: STAGE_RECORD_CONCURRENCY, fetch: FIRST_VERSION_FETCH }),
});
