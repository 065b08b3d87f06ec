import 'reflect-metadata';
import { attachProjection, attachStage, FIRST_VERSION_FETCH, STAGE_RECORD_CONCURRENCY } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { main } from '@ais/platform';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ENRICH_GROUP } from './enrich/enrich-indicators.adapter';
import { VERSION_PUBLISHER_SCHEMA } from './migrations';
import { PUBLISH_GROUP, PUBLISH_RECORD_CONCURRENCY } from './publish/publish-indicators.adapter';
import { REPOSITORY_GROUP } from './repository/object-versions.projection';
import { REVIEW_GROUP } from './review/revise-after-review.adapter';

main({
  service: 'version-publisher',
  owner: VERSION_PUBLISHER_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => {
    // First versions, at once (§2.4). Every record of a batch is handled side by side, so that
    // their claims (published-versions.repository.ts) share one statement.
    attachStage(app, { group: PUBLISH_GROUP, fetch: FIRST_VERSION_FETCH, recordConcurrency: PUBLISH_RECORD_CONCURRENCY });
    // New versions: corroboration across submitters (§2.3.2.3) and review decisions (§2.3.2.2).
    // Enrichment's records share rows, but the ones handled at once share one database transaction
    // and are handled one after another in it (enrich-indicators.adapter.ts).
    attachStage(app, { group: ENRICH_GROUP, recordConcurrency: STAGE_RECORD_CONCURRENCY });
    attachStage(app, { group: REVIEW_GROUP });
    attachProjection(app, { group: REPOSITORY_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), VERSION_PUBLISHER_SCHEMA.schema));
  },
});
