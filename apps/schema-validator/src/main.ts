import 'reflect-metadata';
import { attachProjection, attachStage, FIRST_VERSION_FETCH, STAGE_RECORD_CONCURRENCY } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { main } from '@ais/platform';
import { json } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { PROFILE_GROUP } from './change-control/profile-changes.projection';
import { loadValidatorConfig } from './config/validator.env';
import { SCHEMA_VALIDATOR_SCHEMA, VALIDATOR_SCHEMA } from './migrations';
import { VALIDATE_GROUP } from './validate/validate-submission.adapter';

main({
  service: 'schema-validator',
  owner: SCHEMA_VALIDATOR_SCHEMA,
  module: (config) => AppModule.forRoot(config, loadValidatorConfig()),
  // Only the board API (and the test clock) take bodies: small JSON documents.
  configure: (app) => {
    app.use('/profile', json({ limit: '64kb' }));
    app.use('/test', json({ limit: '4kb' }));
  },
  consumers: (app) => {
    attachStage(app, { group: VALIDATE_GROUP, recordConcurrency: STAGE_RECORD_CONCURRENCY, fetch: FIRST_VERSION_FETCH });
    attachProjection(app, { group: PROFILE_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), VALIDATOR_SCHEMA));
  },
});
