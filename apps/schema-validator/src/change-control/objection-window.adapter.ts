import { BASELINE_PROFILE } from '@ais/ais-profile';
import type { AnyEvent } from '@ais/contracts';
import { errorClassOf } from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { VALIDATOR_CONFIG, type ValidatorConfig } from '../config/validator.env';
import { ChangeControlAdapter } from './change-control.adapter';

/** The first tick comes soon after start, so a fresh log gets its baseline version at once. */
const FIRST_TICK_MS = 1_000;

/**
 * The board's clock tick: publishes the baseline profile if the log has none yet, then accepts every
 * open proposal whose two weeks have passed without objection (presumed concurrence). Ticks of one
 * process run one after another; replicas are serialised by the board's lock.
 */
@Injectable()
export class ObjectionWindowAdapter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ObjectionWindows');
  private readonly timers: NodeJS.Timeout[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly board: ChangeControlAdapter,
    @Inject(VALIDATOR_CONFIG) private readonly config: ValidatorConfig,
  ) {}

  onApplicationBootstrap(): void {
    const scheduled = () => {
      this.tick().catch((error: unknown) => {
        const code = error instanceof CodedError ? error.code : errorClassOf(error);
        this.logger.warn(`change-control tick failed (${code}); retried at the next tick`);
      });
    };
    this.timers.push(setTimeout(scheduled, FIRST_TICK_MS), setInterval(scheduled, this.config.validator.AIS_PROFILE_TICK_MS));
  }

  /** One tick now (after any tick in progress); the events it caused. */
  tick(): Promise<AnyEvent[]> {
    const run = this.queue.then(async () => {
      const baseline = await this.board.execute({ type: 'PublishBaselineProfile', profile: BASELINE_PROFILE });
      const closed = await this.board.execute({ type: 'CloseObjectionWindows' });
      return [...baseline, ...closed];
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers.splice(0)) {
      clearTimeout(timer);
    }
    await this.queue;
  }
}
