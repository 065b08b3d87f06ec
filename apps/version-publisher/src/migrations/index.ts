import { checkpointMigration } from '@ais/persistence';
import { CreateObjectVersions1767100000000 } from './1767100000000-create-object-versions';
import { CreateRevisions1767300000000 } from './1767300000000-create-revisions';
import { CreateLatestVersionsView1767500000000 } from './1767500000000-create-latest-versions-view';
import { CreatePublishedVersions1767600000000 } from './1767600000000-create-published-versions';

export const PUBLISHER_SCHEMA = 'publisher';

/**
 * version-publisher's schema: the published object repository (every version), which submission
 * published each first version, what the stages making new versions remember (review releases,
 * enrichment), the projection's checkpoints, and the view of each object's latest version that
 * review-service reads.
 */
export const VERSION_PUBLISHER_SCHEMA = {
  schema: PUBLISHER_SCHEMA,
  migrations: [checkpointMigration(PUBLISHER_SCHEMA), CreateObjectVersions1767100000000, CreateRevisions1767300000000, CreateLatestVersionsView1767500000000, CreatePublishedVersions1767600000000],
};
