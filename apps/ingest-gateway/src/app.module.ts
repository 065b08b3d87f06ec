import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { UsageAuditModule } from '@ais/usage-audit';
import { type DynamicModule, Module } from '@nestjs/common';
import { PrincipalsController } from './admin/principals.controller';
import { ManualChannelsModule } from './manual/manual-channels.module';
import { GATEWAY_SCHEMA } from './migrations';
import { StatusProjection } from './status/status.projection';
import { StatusRepository } from './status/status.repository';
import { ReceivedWriter } from './submit/received-writer';
import { SubmitObjectsAdapter } from './submit/submit-objects.adapter';
import { DiscoveryController } from './taxii/discovery.controller';
import { IngestRootController } from './taxii/ingest-root.controller';
import { IngestRuntimeModule } from './taxii/ingest-runtime.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'ingest-gateway', schema: GATEWAY_SCHEMA, config }), IngestRuntimeModule.forRoot(), ManualChannelsModule, UsageAuditModule.forRoot({ producer: 'ingest-gateway' })],
      controllers: [DiscoveryController, IngestRootController, PrincipalsController, StatusProjection],
      providers: [StatusRepository, ReceivedWriter, SubmitObjectsAdapter],
    };
  }
}
