import { checkpointMigration } from '@ais/persistence';
import { CreateStatusResources1767100000000 } from './1767100000000-create-status-resources';
import { AddStatusCompletion1767200000000 } from './1767200000000-add-status-completion';
import { CreateAcceptedVersions1767200000001 } from './1767200000001-create-accepted-versions';
import { StatusObjectsRoomForUpdates1767300000000 } from './1767300000000-status-objects-room-for-updates';

export const GATEWAY_SCHEMA = 'gateway';

export const INGEST_GATEWAY_SCHEMA = {
  schema: GATEWAY_SCHEMA,
  migrations: [checkpointMigration(GATEWAY_SCHEMA), CreateStatusResources1767100000000, AddStatusCompletion1767200000000, CreateAcceptedVersions1767200000001, StatusObjectsRoomForUpdates1767300000000],
};
