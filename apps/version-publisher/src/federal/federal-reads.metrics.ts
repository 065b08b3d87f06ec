import type { Principal } from '@ais/auth';
import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

/** What a federal read touched; a label value, never an id. */
export type FederalResource = 'api-root' | 'collections' | 'collection' | 'objects' | 'manifest' | 'object' | 'object-versions';

/**
 * Reads of the federal root per federal entity (§4.1: the entities indicators were shared with).
 * Issue 6 turns each read into an audit event; until then, counters.
 */
@Injectable()
export class FederalReadsMetrics {
  private readonly reads: Counter<'entity' | 'resource'>;
  private readonly served: Counter<'entity'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
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

  read(principal: Principal, resource: FederalResource, objectCount = 0): void {
    // Admins (and any principal without an entity) are counted apart from the seven entities.
    const entity = principal.federalEntity ?? 'none';
    this.reads.inc({ entity, resource });
    if (objectCount > 0) {
      this.served.inc({ entity }, objectCount);
    }
  }
}
