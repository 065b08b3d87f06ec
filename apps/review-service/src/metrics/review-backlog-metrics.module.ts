import { Module } from '@nestjs/common';
import { ReviewBacklogMetrics } from './review-backlog.metrics';
import { ReviewBacklogRepository } from './review-backlog.repository';

/** The review backlog gauges on the service's `/metrics`. */
@Module({ providers: [ReviewBacklogRepository, ReviewBacklogMetrics] })
export class ReviewBacklogMetricsModule {}
