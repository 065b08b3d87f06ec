import 'reflect-metadata';
import { attachProjection, attachStage } from '@ais/messaging';
import { TypeOrmProjectionStore } from '@ais/persistence';
import { main } from '@ais/platform';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { VERSION_PUBLISHER_SCHEMA } from './migrations';
import { PUBLISH_GROUP } from './publish/publish-indicators.adapter';
import { REPOSITORY_GROUP } from './repository/object-versions.projection';

main({
  service: 'version-publisher',
  owner: VERSION_PUBLISHER_SCHEMA,
  module: (config) => AppModule.forRoot(config),
  consumers: (app) => {
    attachStage(app, { group: PUBLISH_GROUP });
    attachProjection(app, { group: REPOSITORY_GROUP }, new TypeOrmProjectionStore(app.get(DataSource), VERSION_PUBLISHER_SCHEMA.schema));
  },
});
