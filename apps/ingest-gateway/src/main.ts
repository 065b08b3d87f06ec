import 'reflect-metadata';
import { attachProjection } from '@ais/messaging';
import { main } from '@ais/platform';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { json } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { GATEWAY_SCHEMA, INGEST_GATEWAY_SCHEMA } from './migrations';
import { STATUS_GROUP } from './status/status.projection';

main({
  service: 'ingest-gateway',
  owner: INGEST_GATEWAY_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  // TAXII POSTs read their own bounded body; only the admin API takes parsed JSON.
  configure: (app) => app.use('/admin', json({ limit: '64kb' })),
  consumers: (app) => attachProjection(app, { group: STATUS_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), GATEWAY_SCHEMA)),
});
