import 'reflect-metadata';
import { attachProjection } from '@ais/messaging';
import { main } from '@ais/platform';
import { AppModule } from './app.module';
import { AUDIT_PROJECTOR_SCHEMA } from './migrations';
import { AUDIT_FETCH, AUDIT_GROUP } from './projection/audit-events';
import { AuditProjectionStore } from './projection/audit-projection.store';

main({
  service: 'audit-projector',
  owner: AUDIT_PROJECTOR_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => attachProjection(app, { group: AUDIT_GROUP, fetch: AUDIT_FETCH }, app.get(AuditProjectionStore)),
});
