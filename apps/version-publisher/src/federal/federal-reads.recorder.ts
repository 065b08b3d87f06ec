import type { Principal } from '@ais/auth';
import type { FederalReadResource } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { METRICS_REGISTRY } from '@ais/observability';
import { TaxiiError } from '@ais/taxii';
import { UsageAuditPublisher } from '@ais/usage-audit';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

export const FEDERAL_READ_UNRECORDED = 'AIS_TAXII_READ_UNRECORDED';

/**
 * Every successful read of the federal root, per federal entity (§4.1: the entities indicators were
 * shared with; §4.2: who read what): a `FederalObjectsRead` event for audit-projector — entity,
 * resource, object count, never the objects — and Prometheus counters.
 *
 * The event is in the log before the response leaves: a read that cannot be recorded is refused
 * (503), so no federal read goes unaudited.
 */
@Injectable()
export class FederalReadsRecorder {
  private readonly logger = new Logger(FederalReadsRecorder.name);
  private readonly usage: UsageAuditPublisher;
  private readonly reads: Counter<'entity' | 'resource'>;
  private readonly served: Counter<'entity'>;

  constructor(publisher: EventPublisher, @Inject(METRICS_REGISTRY) registry: Registry) {
    this.usage = new UsageAuditPublisher(publisher, 'version-publisher');
    this.reads = new Counter({
      name: 'ais_federal_reads_total',
      help: 'Successful reads of TAXII root federal, per federal entity and resource',
      labelNames: ['entity', 'resource'],
      registers: [registry],
    });
    this.served = new Counter({
      name: 'ais_federal_objects_served_total',
      help: 'Object versions (or their manifest records) returned by TAXII root federal, per federal entity',
      labelNames: ['entity'],
      registers: [registry],
    });
  }

  async read(principal: Principal, resource: FederalReadResource, objectCount = 0, objectId?: string): Promise<void> {
    try {
      await this.usage.federalRead({ reader: principal, resource, objectCount, ...(objectId === undefined ? {} : { objectId }), at: new Date() });
    } catch (error) {
      this.logger.error(`federal read not recorded (${error instanceof Error ? error.name : typeof error})`);
      throw new TaxiiError(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', 'the read could not be recorded for audit; retry later', FEDERAL_READ_UNRECORDED);
    }
    // Admins (and any principal without an entity) are counted apart from the seven entities.
    const entity = principal.federalEntity ?? 'none';
    this.reads.inc({ entity, resource });
    if (objectCount > 0) {
      this.served.inc({ entity }, objectCount);
    }
  }
}
