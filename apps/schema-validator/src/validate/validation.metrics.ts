import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ValidationDecision } from './validate-submission.decider';

/** Validation outcomes; labels are codes and outcomes, never ids or submitted values. */
@Injectable()
export class ValidationMetrics {
  private readonly submissions: Counter<'outcome' | 'channel'>;
  private readonly removals: Counter<'reason'>;
  private readonly failures: Counter<'code'>;
  private readonly profileVersion: Gauge;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.submissions = new Counter({
      name: 'ais_validation_submissions_total',
      help: 'Submissions validated (passed on) or rejected against the AIS Profile',
      labelNames: ['outcome', 'channel'],
      registers,
    });
    this.removals = new Counter({
      name: 'ais_profile_fields_removed_total',
      help: 'Fields and values removed because the AIS Profile does not allow them (§2.3.1.2)',
      labelNames: ['reason'],
      registers,
    });
    this.failures = new Counter({
      name: 'ais_validation_object_failures_total',
      help: 'Objects (or whole submissions) failed, per rule code',
      labelNames: ['code'],
      registers,
    });
    this.profileVersion = new Gauge({ name: 'ais_profile_version', help: 'The AIS Profile version the last submission was validated against', registers });
  }

  record(decision: ValidationDecision, channel: string, profileVersion: number): void {
    this.profileVersion.set(profileVersion);
    this.submissions.inc({ outcome: decision.kind, channel });
    const failures = decision.kind === 'rejected' ? decision.reasons : decision.failures;
    for (const failure of failures) {
      this.failures.inc({ code: failure.code });
    }
    if (decision.kind === 'validated') {
      for (const removal of decision.removals) {
        this.removals.inc({ reason: removal.reason });
      }
    }
  }
}
