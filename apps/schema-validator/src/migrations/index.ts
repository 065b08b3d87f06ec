import { checkpointMigration } from '@ais/persistence';
import { CreateProfileChangeControl1767200000000 } from './1767200000000-create-profile-change-control';

export const VALIDATOR_SCHEMA = 'validator';

/** schema-validator's schema: AIS Profile versions, change-control proposals and their checkpoints. */
export const SCHEMA_VALIDATOR_SCHEMA = {
  schema: VALIDATOR_SCHEMA,
  migrations: [checkpointMigration(VALIDATOR_SCHEMA), CreateProfileChangeControl1767200000000],
};
