import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

export type RevisionOutcome =
  /** A new version went out. */
  | 'published'
  /** A redelivered input: the versions it made before went out again. */
  | 'replayed'
  /** Nothing to publish: every field deleted, or nothing changed. */
  | 'nothing-restored'
  | 'unchanged'
  /** The version a decision names is not known yet: retried (the projection may lag). */
  | 'waiting'
  /** Dead-lettered: a bad field path, or the version never became known. */
  | 'rejected';

/** New versions of published objects, per cause and outcome; labels never carry ids or values. */
@Injectable()
export class RevisionsMetrics {
  private readonly revisions: Counter<'cause' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.revisions = new Counter({
      name: 'ais_publisher_revisions_total',
      help: 'Inputs that may make a new version of a published object (review decisions, corroborating reports), per cause and outcome',
      labelNames: ['cause', 'outcome'],
      registers: [registry],
    });
  }

  count(cause: 'review' | 'enrichment', outcome: RevisionOutcome, by = 1): void {
    this.revisions.inc({ cause, outcome }, by);
  }
}
