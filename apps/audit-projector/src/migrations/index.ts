import { checkpointMigration } from '@ais/persistence';
import { CreateDailyCounts1767100000000 } from './1767100000000-create-daily-counts';

export const AUDIT_SCHEMA = 'audit';

/** audit-projector's schema: the §4.1 counts and the checkpoints of its projections. */
export const AUDIT_PROJECTOR_SCHEMA = {
  schema: AUDIT_SCHEMA,
  migrations: [checkpointMigration(AUDIT_SCHEMA), CreateDailyCounts1767100000000],
};
