import { checkpointMigration } from '@ais/persistence';
import { CreateReviewTasks1767100000000 } from './1767100000000-create-review-tasks';
import { CreateTriageQueue1767200000000 } from './1767200000000-create-triage-queue';
import { CreateHeldFieldTasks1767300000000 } from './1767300000000-create-held-field-tasks';
import { CreateNoticeTasks1767450000000 } from './1767450000000-create-notice-tasks';
import { IndexUndecidedTasks1767470000000 } from './1767470000000-index-undecided-tasks';
import { DropPublishedObjects1767500000000 } from './1767500000000-drop-published-objects';

export const REVIEW_SCHEMA = 'review';

/** review-service's schema: the review queue (held fields, triage, notices) and its projections' checkpoints. */
export const REVIEW_SERVICE_SCHEMA = {
  schema: REVIEW_SCHEMA,
  migrations: [checkpointMigration(REVIEW_SCHEMA), CreateReviewTasks1767100000000, CreateTriageQueue1767200000000, CreateHeldFieldTasks1767300000000, CreateNoticeTasks1767450000000, IndexUndecidedTasks1767470000000, DropPublishedObjects1767500000000],
};
