import { CreateReviewTasks1767100000000 } from './1767100000000-create-review-tasks';

export const REVIEW_SCHEMA = 'review';

/** review-service's schema: the review queue (held fields, triage, notices). Projections come with issue 5. */
export const REVIEW_SERVICE_SCHEMA = { schema: REVIEW_SCHEMA, migrations: [CreateReviewTasks1767100000000] };
