import { checkpointMigration } from '@ais/persistence';
import { CreateObjectVersions1767100000000 } from './1767100000000-create-object-versions';

export const PUBLISHER_SCHEMA = 'publisher';

/** version-publisher's schema: the published object repository (every version) and its checkpoints. */
export const VERSION_PUBLISHER_SCHEMA = {
  schema: PUBLISHER_SCHEMA,
  migrations: [checkpointMigration(PUBLISHER_SCHEMA), CreateObjectVersions1767100000000],
};
