import 'reflect-metadata';
import { attachProjection } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { main } from '@ais/platform';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { COUNTS_GROUP } from './counts/daily-counts.projection';
import { AUDIT_PROJECTOR_SCHEMA } from './migrations';

main({
  service: 'audit-projector',
  owner: AUDIT_PROJECTOR_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => attachProjection(app, { group: COUNTS_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), AUDIT_PROJECTOR_SCHEMA.schema)),
});
