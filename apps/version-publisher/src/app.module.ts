import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { EnrichIndicatorsAdapter } from './enrich/enrich-indicators.adapter';
import { FederalController } from './federal/federal.controller';
import { FederalReadsRecorder } from './federal/federal-reads.recorder';
import { ObjectVersionsRepository } from './federal/object-versions.repository';
import { VERSION_PUBLISHER_SCHEMA } from './migrations';
import { PublishIndicatorsAdapter } from './publish/publish-indicators.adapter';
import { PublicationMetrics } from './publish/publication.metrics';
import { PublishedVersionsRepository } from './publish/published-versions.repository';
import { ObjectVersionsProjection } from './repository/object-versions.projection';
import { DecisionWait, DEFAULT_DECISION_WAIT_MS } from './review/decision-wait';
import { ReviseAfterReviewAdapter } from './review/revise-after-review.adapter';
import { ObjectRevisionsRepository } from './revise/object-revisions.repository';
import { RevisionsMetrics } from './revise/revisions.metrics';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'version-publisher', schema: VERSION_PUBLISHER_SCHEMA.schema, config })],
      controllers: [PublishIndicatorsAdapter, EnrichIndicatorsAdapter, ReviseAfterReviewAdapter, ObjectVersionsProjection, FederalController],
      providers: [
        ObjectVersionsRepository,
        ObjectRevisionsRepository,
        FederalReadsRecorder,
        RevisionsMetrics,
        PublicationMetrics,
        PublishedVersionsRepository,
        { provide: DecisionWait, useFactory: () => new DecisionWait(DEFAULT_DECISION_WAIT_MS, () => Date.now()) },
      ],
    };
  }
}
