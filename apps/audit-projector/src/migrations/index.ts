import { checkpointMigration, type SchemaOwner } from '@ais/persistence';
import { createDailyCounts } from './1767100000000-create-daily-counts';
import { createUsageLog } from './1767300000000-create-usage-log';
import { createFederalDeliveries } from './1767300000001-create-federal-deliveries';
import { rebuildDailyCounts } from './1767300000002-rebuild-daily-counts';

export const AUDIT_SCHEMA = 'audit';

/** The audit tables in a schema: `audit` for the live projections, a fresh one for a replay. */
export function auditSchemaOwner(schema: string): SchemaOwner {
  return {
    schema,
    migrations: [checkpointMigration(schema), createDailyCounts(schema), createUsageLog(schema), createFederalDeliveries(schema), rebuildDailyCounts(schema)],
  };
}

/** audit-projector's schema: the §4.1 counts, the §4.2 usage log, federal deliveries, checkpoints. */
export const AUDIT_PROJECTOR_SCHEMA = auditSchemaOwner(AUDIT_SCHEMA);
