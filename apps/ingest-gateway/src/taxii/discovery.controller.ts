import { AuthGuard, Roles } from '@ais/auth';
import type { ServiceConfig } from '@ais/config';
import { SERVICE_CONFIG } from '@ais/platform';
import { TaxiiExceptionFilter, TaxiiMediaInterceptor } from '@ais/taxii';
import { Controller, Get, Inject, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';

/** TAXII discovery (§4.1): both API roots, as absolute URLs. */
@Controller('taxii2')
@UseFilters(TaxiiExceptionFilter)
@UseInterceptors(TaxiiMediaInterceptor)
@UseGuards(AuthGuard)
@Roles('participant', 'federal-consumer', 'admin')
export class DiscoveryController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  @Get()
  discover() {
    return {
      title: 'AIS Exchange',
      description: 'Automated Indicator Sharing under the Cybersecurity Information Sharing Act of 2015',
      contact: 'ais-exchange operators',
      default: this.config.taxii.AIS_INGEST_ROOT_URL,
      api_roots: [this.config.taxii.AIS_INGEST_ROOT_URL, this.config.taxii.AIS_FEDERAL_ROOT_URL],
    };
  }
}
