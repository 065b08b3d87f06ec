import 'reflect-metadata';
import { attachStage } from '@ais/messaging';
import { main } from '@ais/platform';
import { AppModule } from './app.module';
import { SCHEMA_VALIDATOR_SCHEMA } from './migrations';
import { VALIDATE_GROUP } from './validate/validate-submission.adapter';

main({
  service: 'schema-validator',
  owner: SCHEMA_VALIDATOR_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => attachStage(app, { group: VALIDATE_GROUP }),
});
