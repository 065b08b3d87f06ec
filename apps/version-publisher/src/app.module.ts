import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { FederalController } from './federal/federal.controller';
import { FederalReadsMetrics } from './federal/federal-reads.metrics';
import { ObjectVersionsRepository } from './federal/object-versions.repository';
import { VERSION_PUBLISHER_SCHEMA } from './migrations';
import { PublishIndicatorsAdapter } from './publish/publish-indicators.adapter';
import { ObjectVersionsProjection } from './repository/object-versions.projection';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'version-publisher', schema: VERSION_PUBLISHER_SCHEMA.schema, config })],
      controllers: [PublishIndicatorsAdapter, ObjectVersionsProjection, FederalController],
      providers: [ObjectVersionsRepository, FederalReadsMetrics],
    };
  }
}
