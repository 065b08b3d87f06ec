import { BASELINE_PROFILE } from '@ais/ais-profile';
import { buildEvent, Topics, type AnyEvent } from '@ais/contracts';
import { errorClassOf, EventPublisher, KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from '@ais/messaging';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { VALIDATOR_CONFIG, type ValidatorConfig } from '../config/validator.env';
import { VALIDATOR_SCHEMA } from '../migrations';
import { decide, evolve, type BoardCommand, type BoardEvent } from './change-control.decider';
import { BoardAccessErrorCode, boardError } from './change-control.errors';
import { PROFILE_GROUP } from './profile-changes.projection';
import { ProposalsRepository } from './proposals.repository';

/** Every change-control event has the profile as its aggregate: one partition, one order. */
export const PROFILE_EVENT_KEY = 'ais-profile';
const PRODUCER = 'schema-validator';
/** One advisory lock for all board commands, across replicas. */
const BOARD_LOCK = BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update('ais-ccb:commands').digest('hex').slice(0, 16)}`)).toString();

/**
 * The high watermarks of a topic: the one Kafka call this adapter makes, through the client that
 * `@ais/messaging` provides (typed by shape, as only libs/messaging imports kafkajs).
 */
interface TopicOffsetsAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  fetchTopicOffsets(topic: string): Promise<{ partition: number; high: string; low: string }[]>;
}
interface KafkaAdminSource {
  admin(): TopicOffsetsAdmin;
}

/**
 * Runs a board command: decides on the board's state and writes the events to
 * `ais.profile.changes.v1`. Commands run one at a time (a PostgreSQL advisory lock, across
 * replicas), and only once the change-control projection has applied every event already in the
 * log, so two commands never decide on the same state (two "version 5"s cannot happen). After
 * writing, it waits for the projection again, so a reader sees what the command did.
 */
@Injectable()
export class ChangeControlAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger('ChangeControl');
  private admin: Promise<TopicOffsetsAdmin> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly proposals: ProposalsRepository,
    @Inject(KAFKA) private readonly kafka: KafkaAdminSource,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VALIDATOR_CONFIG) private readonly config: ValidatorConfig,
  ) {}

  /** The events the command caused (none when it changed nothing), or a `CodedError` saying why not. */
  execute(command: BoardCommand): Promise<AnyEvent[]> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOARD_LOCK]);
      if (!(await this.projectionCaughtUp())) {
        throw boardError(BoardAccessErrorCode.NotCaughtUp);
      }
      let state = await this.proposals.board(tx);
      const now = this.clock.now();
      const batches: BoardEvent[][] = [];
      if (state.current === null && command.type !== 'PublishBaselineProfile') {
        // The first command of a fresh log publishes the committed baseline as version 1 first.
        const baseline = decide(state, { type: 'PublishBaselineProfile', profile: BASELINE_PROFILE }, now);
        if (baseline.ok) {
          batches.push(baseline.events);
          state = baseline.events.reduce(evolve, state);
        }
      }
      const decision = decide(state, command, now);
      if (!decision.ok) {
        throw boardError(decision.code);
      }
      batches.push(decision.events);
      const events = batches.flatMap((batch) => envelopesOf(batch, now));
      if (events.length === 0) {
        return [];
      }
      await this.publisher.publish(events);
      if (!(await this.projectionCaughtUp())) {
        this.logger.warn(`${events.length} change-control events written; the projection has not applied them yet`);
      }
      return events;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  /** Whether the projection's checkpoints have reached the end of every partition of the topic. */
  private async projectionCaughtUp(): Promise<boolean> {
    const prefix = this.messaging.topicPrefix ?? '';
    const topic = `${prefix}${Topics.profileChanges}`;
    // @ais/messaging may key checkpoints by the group as written or prefixed like the topics (tests).
    const groups = [PROFILE_GROUP, `${prefix}${PROFILE_GROUP}`];
    const deadline = Date.now() + this.config.validator.AIS_PROFILE_CATCH_UP_MS;
    const ends = await this.topicEnds(topic);
    for (;;) {
      const rows: { partition: number; next_offset: string }[] = await this.dataSource.query(
        `SELECT partition, max(next_offset) AS next_offset FROM ${VALIDATOR_SCHEMA}.projection_checkpoints
         WHERE consumer_group = ANY($1::text[]) AND topic = $2 GROUP BY partition`,
        [groups, topic],
      );
      const applied = new Map(rows.map((row) => [Number(row.partition), BigInt(row.next_offset)]));
      const behind = ends.filter((end) => BigInt(end.high) > BigInt(end.low) && (applied.get(end.partition) ?? -1n) < BigInt(end.high));
      if (behind.length === 0) {
        return true;
      }
      if (Date.now() > deadline) {
        const positions = behind.map((end) => `partition ${end.partition} at ${String(applied.get(end.partition) ?? 'none')} of ${end.high}`);
        this.logger.warn(`change-control projection behind the log: ${positions.join(', ')}`);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async topicEnds(topic: string): Promise<{ partition: number; high: string; low: string }[]> {
    if (this.admin === null) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
    }
    try {
      return await (await this.admin).fetchTopicOffsets(topic);
    } catch (error) {
      this.logger.warn(`reading the end of ${topic} failed (${errorClassOf(error)})`);
      const stale = this.admin;
      this.admin = null;
      await stale.then((admin) => admin.disconnect()).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Envelopes for one decision: keyed by the profile, correlated by the proposal or emergency change
 * (a version by what caused it), each later event caused by the decision's first.
 */
function envelopesOf(events: readonly BoardEvent[], now: Date): AnyEvent[] {
  const envelopes: AnyEvent[] = [];
  for (const event of events) {
    const causationId = envelopes[0]?.eventId ?? null;
    const origin = { key: PROFILE_EVENT_KEY, producer: PRODUCER, correlationId: correlationOf(event), causationId, occurredAt: now };
    envelopes.push(buildEvent(event.type, event.data, origin) as AnyEvent);
  }
  return envelopes;
}

function correlationOf(event: BoardEvent): string {
  switch (event.type) {
    case 'ProfileVersionPublished':
      return event.data.causeId ?? `ais-profile-v${event.data.version}`;
    case 'ProfileEmergencyChangeApplied':
      return event.data.changeId;
    case 'ProfileChangeProposed':
    case 'ProfileChangeObjected':
    case 'ProfileChangeCommented':
    case 'ProfileChangeEscalated':
    case 'ProfileChangeAccepted':
    case 'ProfileChangeWithdrawn':
      return event.data.proposalId;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
