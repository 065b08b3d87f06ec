/**
 * Replay throughput of the audit projections (issue 6): generates a mixed log of audit events
 * (1,000,000 by default) into a prefixed topic set, rebuilds every audit projection from offset 0
 * with the replay of `scripts/audit-replay.ts`, and prints events/s and the ratio to the target
 * (all of it in ≤ 120 s on 2 cores).
 *
 *   node -r @swc-node/register bench/audit-replay.ts [--events 1000000] [--keep-topics] [--prefix bench-x.]
 *
 * `--prefix` replays a set generated earlier with `--keep-topics` instead of generating one.
 * Reads DATABASE_URL and KAFKA_BROKERS like the services; needs the local stack running.
 */
import 'reflect-metadata';
import { loadServiceConfig } from '@ais/config';
import { buildEvent, TOPIC_SPECS, type AnyEvent, type EventDataMap, type EventType } from '@ais/contracts';
import { createKafka, deleteTopicsWithPrefix, desiredTopics, encodeEvent, ensureTopics, javaCompatiblePartitioner, topicOf } from '@ais/messaging';
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { AUDIT_SCHEMA } from '../apps/audit-projector/src/migrations';
import { auditTopics } from '../apps/audit-projector/src/projection/audit-events';
import { replayAudit } from '../apps/audit-projector/src/replay/audit-replay';

const TARGET_EVENTS = 1_000_000;
const TARGET_SECONDS = 120;
const BATCH = 10_000;
const DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

const ENTITIES = ['commerce', 'defense', 'energy', 'homeland-security', 'justice', 'treasury', 'odni'] as const;
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const SEALED = { keyId: '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'e30=' };
const SUBMITTER = { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' };

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One submission's life and what people did around it: ~9 events, the mix a day of AIS sees. */
function* cycle(random: () => number, start: number): Generator<AnyEvent> {
  const at = new Date(start + Math.floor(random() * DAYS * DAY_MS));
  const submissionId = randomUUID();
  const principal = randomUUID();
  const origin = { key: submissionId, producer: 'bench', correlationId: submissionId, causationId: null, occurredAt: at };
  const event = <T extends EventType>(type: T, data: EventDataMap[T], key: string = submissionId) => buildEvent(type, data, { ...origin, key });
  const indicatorId = `indicator--${randomUUID()}`;
  const indicator = { type: 'indicator', spec_version: '2.1', id: indicatorId, created: at.toISOString(), modified: at.toISOString(), pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: at.toISOString(), object_marking_refs: [TLP_GREEN] };
  const malwareId = `malware--${randomUUID()}`;
  const malware = { type: 'malware', spec_version: '2.1', id: malwareId, created: at.toISOString(), modified: at.toISOString(), name: 'loader', is_family: true, object_marking_refs: [TLP_GREEN] };
  const roll = random();

  if (roll < 0.08) {
    yield event('SubmissionReceived', { submissionId, channel: 'taxii', principalId: principal, objectCount: 2, receivedAt: at.toISOString(), sealedContent: SEALED });
    yield event('SubmissionRejected', { submissionId, reasons: [{ objectId: indicatorId, code: random() < 0.5 ? 'AIS_PROFILE_TLP_MARKING_MISSING' : 'AIS_STIX_INVALID', message: 'rule' }] });
    return;
  }
  if (roll < 0.16) {
    const channel = random() < 0.5 ? 'web-form' : 'email';
    yield event('ManualSubmissionReceived', { submissionId, channel, kind: 'indicator', receivedAt: at.toISOString(), sealedContent: SEALED });
    if (random() < 0.3) {
      yield event('TriageRejected', { submissionId, channel, decidedBy: principal, reason: 'not an indicator' });
      return;
    }
    yield event('TriageAccepted', { submissionId, channel, decidedBy: principal, objectCount: 2, sealedContent: SEALED });
  } else {
    yield event('SubmissionReceived', { submissionId, channel: 'taxii', principalId: principal, objectCount: 2, receivedAt: at.toISOString(), sealedContent: SEALED });
  }
  const markingPruned = random() < 0.2;
  const markingMissing = random() < 0.1;
  yield event('SubmissionValidated', {
    submissionId,
    profileVersion: '1',
    objects: markingMissing ? [indicator] : [indicator, malware],
    submitter: SUBMITTER,
    consent: 'none',
    failures: markingMissing ? [{ objectId: malwareId, code: 'AIS_PROFILE_TLP_MARKING_MISSING', message: 'rule' }] : [],
    removals: [
      { objectId: indicatorId, path: '/x_internal_note', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' },
      ...(markingPruned ? [{ objectId: indicatorId, path: '/object_marking_refs/1', reason: 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY' }] : []),
    ],
    sealedSubmitter: SEALED,
  });
  const held = random() < 0.2 ? 1 + Math.floor(random() * 2) : 0;
  const objects = markingMissing ? [indicator] : [indicator, malware];
  yield event('SubmissionScreened', { submissionId, profileVersion: '1', objects, submitter: SUBMITTER, consent: 'none', failures: [], heldFieldCount: held });
  if (held > 0) {
    const fields = Array.from({ length: held }, (_, i) => ({ path: i === 0 ? 'description' : 'name', detector: i === 0 ? 'email' : 'person-name', reason: 'held' }));
    yield event('FieldsHeld', { submissionId, objectId: indicatorId, objectType: 'indicator', objectVersion: at.toISOString(), fields, sealedValues: SEALED }, indicatorId);
  }
  for (const object of objects) {
    yield event('IndicatorPublished', { objectId: object.id, version: at.toISOString(), object, submissionId, sourceObjectId: object.id, heldFieldCount: 0 }, object.id);
  }
  for (let i = 0; i < 2; i++) {
    const entity = ENTITIES[Math.floor(random() * ENTITIES.length)]!;
    yield event('FederalObjectsRead', { principalId: principal, role: 'federal-consumer', federalEntity: entity, resource: 'objects', objectCount: 1 + Math.floor(random() * 50), readAt: at.toISOString() }, principal);
  }
  if (random() < 0.03) {
    const requestId = randomUUID();
    yield event('ContactRequested', { requestId, objectId: indicatorId, federalEntity: 'energy', requestedBy: principal, requestedAt: at.toISOString() }, requestId);
    yield event('ContactRequestAnswered', { requestId, granted: true, answeredBy: randomUUID(), answeredAt: at.toISOString() }, requestId);
    yield event('SubmitterIdentityReleased', { requestId, federalEntity: 'energy', channel: 'read', releasedTo: principal }, requestId);
  }
  if (random() < 0.01) {
    yield event('UsageRecorded', { actor: '00000000-0000-0000-0000-000000000000', role: 'admin', action: 'admin.principal.create', resource: `principal/${randomUUID()}`, at: at.toISOString(), detail: { role: 'participant' } }, principal);
    const proposalId = randomUUID();
    yield event('ProfileChangeObjected', { proposalId, objectedBy: { principalId: principal, entity: 'energy' }, reason: 'needs discussion' }, 'ais-profile');
  }
}

async function generate(prefix: string, count: number, brokers: readonly string[]): Promise<number> {
  const kafka = createKafka({ brokers, clientId: 'bench-audit-replay' });
  const admin = kafka.admin();
  await admin.connect();
  const audit = new Set(auditTopics());
  await ensureTopics(admin, desiredTopics({ partitions: 3, replicationFactor: 1 }, prefix, TOPIC_SPECS.filter((spec) => audit.has(spec.name))));
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: false, createPartitioner: javaCompatiblePartitioner });
  await producer.connect();
  const random = lcg(20261101);
  const start = Date.UTC(2026, 7, 1);
  let produced = 0;
  let pending = new Map<string, Message[]>();
  let inBatch = 0;
  const flush = async () => {
    await producer.sendBatch({ topicMessages: [...pending].map(([topic, messages]) => ({ topic, messages })), acks: 1 });
    pending = new Map();
    inBatch = 0;
  };
  while (produced < count) {
    for (const event of cycle(random, start)) {
      if (produced >= count) {
        break;
      }
      const topic = topicOf(event, prefix);
      const messages = pending.get(topic) ?? [];
      messages.push(encodeEvent(event));
      pending.set(topic, messages);
      produced += 1;
      inBatch += 1;
      if (inBatch >= BATCH) {
        await flush();
      }
    }
  }
  if (inBatch > 0) {
    await flush();
  }
  await producer.disconnect();
  return produced;
}

async function deleteTopics(prefix: string, brokers: readonly string[]): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'bench-audit-replay' }).admin();
  await admin.connect();
  await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
  await admin.disconnect();
}

async function run(): Promise<void> {
  const config = loadServiceConfig();
  const brokers = config.kafka.KAFKA_BROKERS;
  const reuse = argument('--prefix');
  const count = Number(argument('--events') ?? TARGET_EVENTS);
  const prefix = reuse ?? `bench-${randomUUID().slice(0, 8)}.`;
  try {
    if (reuse === undefined) {
      const generating = Date.now();
      const produced = await generate(prefix, count, brokers);
      const seconds = (Date.now() - generating) / 1000;
      console.log(`generated ${produced} events into ${prefix}* in ${seconds.toFixed(1)} s (${Math.round(produced / seconds)} events/s)`);
    }
    const report = await replayAudit({
      databaseUrl: config.postgres.DATABASE_URL,
      brokers,
      topicPrefix: prefix,
      liveSchema: AUDIT_SCHEMA,
      until: 'end',
      log: (line) => console.log(line),
    });
    const seconds = report.durationMs / 1000;
    const rate = report.events / seconds;
    const projected = TARGET_EVENTS / rate;
    console.log(`replayed ${report.records} records (${report.events} events) in ${seconds.toFixed(1)} s: ${Math.round(rate)} events/s`);
    console.log(`usage chain rebuilt: ${report.chain.ok ? `${report.chain.entries} entries, intact` : 'BROKEN'}`);
    console.log(
      `target: ${TARGET_EVENTS} events in ≤ ${TARGET_SECONDS} s → ${Math.round(TARGET_EVENTS / TARGET_SECONDS)} events/s; ` +
        `this run ${(projected / TARGET_SECONDS).toFixed(2)}× the target time (${projected.toFixed(1)} s for ${TARGET_EVENTS}; ≤ 1.00 meets it)`,
    );
  } finally {
    if (reuse === undefined && !process.argv.includes('--keep-topics')) {
      await deleteTopics(prefix, brokers);
    } else {
      console.log(`topics kept: ${prefix}*`);
    }
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench/audit-replay: ${error instanceof Error ? error.name : 'failed'}`);
    process.exit(1);
  },
);
