import { AuthGuard, Roles } from '@ais/auth';
import { ingestRootTlsUrl, type IngestGatewayConfig, type ServiceConfig } from '@ais/config';
import { SERVICE_CONFIG } from '@ais/platform';
import { TaxiiExceptionFilter, TaxiiMediaInterceptor } from '@ais/taxii';
import { All, Controller, Get, Inject, Req, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { TLSSocket } from 'node:tls';
import { ingestError, IngestErrorCode } from './ingest-error-codes';
import { INGEST_GATEWAY_CONFIG } from './ingest-gateway.config';

/**
 * TAXII discovery (§4.1): both API roots, as absolute URLs; `default` is the ingest root. A client
 * of the HTTPS listener is given the ingest root on that listener, so a client that
 * authenticates with its certificate stays where its certificate counts.
 */
@Controller('taxii2')
@UseFilters(TaxiiExceptionFilter)
@UseInterceptors(TaxiiMediaInterceptor)
@UseGuards(AuthGuard)
@Roles('participant', 'federal-consumer', 'admin')
export class DiscoveryController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(INGEST_GATEWAY_CONFIG) private readonly gatewayConfig: IngestGatewayConfig,
  ) {}

  @Get()
  discover(@Req() request: Request) {
    const plain = this.config.taxii.AIS_INGEST_ROOT_URL;
    const ingestRoot = request.socket instanceof TLSSocket ? ingestRootTlsUrl(this.gatewayConfig, plain) : plain;
    return {
      title: 'AIS Exchange',
      description: 'Automated Indicator Sharing under the Cybersecurity Information Sharing Act of 2015',
      contact: 'ais-exchange operators',
      default: ingestRoot,
      api_roots: [ingestRoot, this.config.taxii.AIS_FEDERAL_ROOT_URL],
    };
  }

  /** Anything else under `/taxii2/` is a TAXII 404, not the framework's. */
  @All('{*path}')
  unknown(): never {
    throw ingestError(IngestErrorCode.UnknownEndpoint, 'no such TAXII endpoint');
  }
}
