import { checkpointMigration } from '@ais/persistence';
import { CreateStatusResources1767100000000 } from './1767100000000-create-status-resources';

export const GATEWAY_SCHEMA = 'gateway';

export const INGEST_GATEWAY_SCHEMA = {
  schema: GATEWAY_SCHEMA,
  migrations: [checkpointMigration(GATEWAY_SCHEMA), CreateStatusResources1767100000000],
};
