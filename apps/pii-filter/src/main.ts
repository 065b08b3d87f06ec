import 'reflect-metadata';
import { attachStage, FIRST_VERSION_FETCH, STAGE_RECORD_CONCURRENCY } from '@ais/messaging';
import { main } from '@ais/platform';
import { SCREEN_GROUP } from './screen/screen-submission.adapter';
import { AppModule } from './app.module';
import { PII_FILTER_SCHEMA } from './migrations';

main({
  service: 'pii-filter',
  owner: PII_FILTER_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => attachStage(app, { group: SCREEN_GROUP, recordConcurrency: STAGE_RECORD_CONCURRENCY, fetch: FIRST_VERSION_FETCH }),
});
