import { loadIngestGatewayConfig, type IngestGatewayConfig } from '@ais/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { STATUS_CLOCK, StatusRetention } from '../status/status-retention';
import { TlsListener } from '../tls/tls.listener';
import { INGEST_GATEWAY_CONFIG } from './ingest-gateway.config';

/**
 * What runs beside the TAXII endpoints of ingest-gateway: its own configuration (status
 * retention, TLS), the periodic status cleanup and the optional HTTPS listener.
 */
@Module({})
export class IngestRuntimeModule {
  static forRoot(config: IngestGatewayConfig = loadIngestGatewayConfig()): DynamicModule {
    return {
      module: IngestRuntimeModule,
      providers: [
        { provide: INGEST_GATEWAY_CONFIG, useValue: config },
        { provide: STATUS_CLOCK, useValue: () => new Date() },
        StatusRetention,
        TlsListener,
      ],
      exports: [INGEST_GATEWAY_CONFIG],
    };
  }
}
