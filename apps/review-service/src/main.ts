import 'reflect-metadata';
import { attachProjection } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { main } from '@ais/platform';
import { json } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { HELD_FIELDS_GROUP } from './held-fields/held-fields.projection';
import { REVIEW_SCHEMA, REVIEW_SERVICE_SCHEMA } from './migrations';
import { NOTICES_GROUP } from './notices/notices.projection';
import { TRIAGE_GROUP } from './triage/triage.projection';

/** The triage queue of the manual channels and the held-field queue, each a projection group of its own. */
main({
  service: 'review-service',
  owner: REVIEW_SERVICE_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  // Only decisions carry a body (a rejection's reason).
  configure: (app) => app.use('/review', json({ limit: '16kb' })),
  consumers: (app) => {
    attachProjection(app, { group: TRIAGE_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), REVIEW_SCHEMA));
    attachProjection(app, { group: HELD_FIELDS_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), REVIEW_SCHEMA));
    attachProjection(app, { group: NOTICES_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), REVIEW_SCHEMA));
  },
});
