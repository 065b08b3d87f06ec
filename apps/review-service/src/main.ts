import 'reflect-metadata';
import { main } from '@ais/platform';
import { AppModule } from './app.module';
import { REVIEW_SERVICE_SCHEMA } from './migrations';

/** No consumer group yet: the held-fields queue arrives with issue 5. */
main({
  service: 'review-service',
  owner: REVIEW_SERVICE_SCHEMA,
  module: (config) => AppModule.forRoot(config),
});
