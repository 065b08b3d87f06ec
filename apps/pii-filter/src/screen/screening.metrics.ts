import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

/** Screening outcomes, counted; labels are outcomes, never values or ids. */
@Injectable()
export class ScreeningMetrics {
  readonly fields: Counter<'outcome'>;
  readonly objects: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.fields = new Counter({ name: 'ais_screening_fields_total', help: 'Text fields screened, and fields withheld for review', labelNames: ['outcome'], registers: [registry] });
    this.objects = new Counter({ name: 'ais_screening_objects_total', help: 'Objects screened: cleared, with held fields, or dropped as nuisance', labelNames: ['outcome'], registers: [registry] });
  }
}
