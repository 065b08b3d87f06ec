import { Topics } from '@ais/contracts';
import { TopicReader, waitFor } from '@ais/testing';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_HEADERS } from '../../src/dead-letter';
import { RetriableError } from '../../src/errors';
import { anonymizedEvent, keysForEachPartition, screenedFrom, StageHarness } from './stage-harness';

describe('KafkaStageServer on a real broker', () => {
  let harness: StageHarness;
  let reader: TopicReader;

  beforeEach(async () => {
    harness = new StageHarness();
    await harness.createTopics();
    reader = await new TopicReader().start([
      harness.topic(Topics.pipelineScreened),
      harness.topic(`${Topics.pipelineAnonymized}.dlq`),
    ]);
  });

  afterEach(async () => {
    await reader.stop();
    await harness.close();
  });

  it('writes each output once and commits the consumed offsets in the same transaction', async () => {
    const inputs = Array.from({ length: 40 }, () => anonymizedEvent(randomUUID()));
    await harness.startStage((event) => [screenedFrom(event)]);
    await harness.sendEvents(inputs);

    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= 40, { description: '40 outputs' });
    const outputs = reader.valuesOn<{ correlationId: string; causationId: string }>(harness.topic(Topics.pipelineScreened));
    expect(outputs.map((o) => o.correlationId).sort()).toEqual(inputs.map((i) => i.correlationId).sort());
    expect(outputs.map((o) => o.causationId).sort()).toEqual(inputs.map((i) => i.eventId).sort());
    await waitFor(async () => (await harness.committedOffset(Topics.pipelineAnonymized)) === 40, { description: 'offsets committed' });
  });

  it('handles records of a batch at once when asked, and still writes the outputs in record order', async () => {
    const submissionId = randomUUID(); // one key: one partition, one batch
    const inputs = Array.from({ length: 12 }, () => anonymizedEvent(submissionId));
    const position = new Map(inputs.map((input, i) => [input.eventId, i]));
    let inFlight = 0;
    let mostInFlight = 0;
    await harness.sendEvents(inputs);
    await harness.startStage(async (event) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Earlier records take longer, so they finish after later ones.
      await new Promise((resolve) => setTimeout(resolve, (12 - position.get(event.eventId)!) * 15));
      inFlight--;
      return [screenedFrom(event)];
    }, 3);

    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= 12, { description: '12 outputs' });
    const outputs = reader.valuesOn<{ causationId: string }>(harness.topic(Topics.pipelineScreened));
    expect(outputs.map((o) => o.causationId)).toEqual(inputs.map((i) => i.eventId));
    expect(mostInFlight).toBe(3);
  });

  it('commits a batch whose outputs for one partition are larger than the broker takes in one request', async () => {
    const submissionId = randomUUID(); // one key: one input partition, one output partition
    const inputs = Array.from({ length: 6 }, () => anonymizedEvent(submissionId));
    await harness.sendEvents(inputs);
    // 6 × 300 KB to one partition in one transaction: over the broker's 1 MiB per record batch.
    const padding = 'x'.repeat(300_000);
    await harness.startStage((event) => {
      const screened = screenedFrom(event);
      return [{ ...screened, data: { ...screened.data, objects: [{ ...screened.data.objects[0]!, description: padding }] } }];
    });

    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= 6, { timeoutMs: 30_000, description: '6 large outputs' });
    const outputs = reader.valuesOn<{ causationId: string }>(harness.topic(Topics.pipelineScreened));
    expect(outputs.map((o) => o.causationId)).toEqual(inputs.map((i) => i.eventId));
    await waitFor(async () => (await harness.committedOffset(Topics.pipelineAnonymized)) === 6, { description: 'offsets committed' });
  });

  it('keeps its group membership through batches that take longer than the session timeout', async () => {
    // One key per partition, so that every partition is busy and none answers an empty fetch
    // (kafkajs heartbeats after those too).
    const inputs = keysForEachPartition(2).flatMap((key) => Array.from({ length: 5 }, () => anonymizedEvent(key)));
    const handled = new Map<string, number>();
    await harness.sendEvents(inputs);
    // 5 records of 2 s each per partition against the broker's shortest session timeout (6 s).
    const stage = await harness.startStage(
      async (event) => {
        handled.set(event.eventId, (handled.get(event.eventId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return [screenedFrom(event)];
      },
      1,
      6_000,
    );
    let rejoins = 0;
    const consumer = stage.unwrap<Consumer>();
    consumer.on(consumer.events.GROUP_JOIN, () => rejoins++);

    await waitFor(async () => (await harness.committedOffset(Topics.pipelineAnonymized)) === inputs.length, { description: 'offsets committed', timeoutMs: 90_000 });
    // An expired member joins the group again: every partition of the group stops meanwhile.
    expect(rejoins).toBe(0);
    expect([...handled.values()]).toEqual(inputs.map(() => 1));
    // Committed with the offsets, but the reader fetches each partition in its own time.
    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= inputs.length, { description: 'every output read' });
    expect(reader.on(harness.topic(Topics.pipelineScreened))).toHaveLength(inputs.length);
  });

  it('moves poison records to the dead-letter topic with their origin, counts them, and goes on', async () => {
    await harness.startStage((event) => {
      if (event.data.profileVersion === 'explode') {
        throw new TypeError('handler bug');
      }
      return [screenedFrom(event)];
    });
    const good1 = anonymizedEvent(randomUUID());
    const good2 = anonymizedEvent(randomUUID());
    const exploding = anonymizedEvent(randomUUID());
    (exploding.data as { profileVersion: string }).profileVersion = 'explode';
    const invalidPayload = { ...anonymizedEvent(randomUUID()), data: { submissionId: 'not-a-uuid' } };

    await harness.sendEvents([good1]);
    await harness.sendRaw(Topics.pipelineAnonymized, [{ key: 'k', value: '{not json' }]);
    await harness.sendRaw(Topics.pipelineAnonymized, [{ key: 'k', value: JSON.stringify(invalidPayload) }]);
    await harness.sendEvents([exploding, good2]);

    await waitFor(() => reader.on(harness.topic(`${Topics.pipelineAnonymized}.dlq`)).length >= 3, { description: '3 dead letters' });
    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= 2, { description: 'good records processed' });

    const deadLetters = reader.on(harness.topic(`${Topics.pipelineAnonymized}.dlq`));
    const header = (i: number, name: string) => deadLetters[i]!.message.headers?.[name]?.toString();
    expect(deadLetters.map((_, i) => header(i, DEAD_LETTER_HEADERS.errorCode)).sort()).toEqual(
      ['AIS_ENVELOPE_INVALID_PAYLOAD', 'AIS_ENVELOPE_NOT_JSON', 'AIS_MESSAGING_HANDLER_FAILED'].sort(),
    );
    for (let i = 0; i < deadLetters.length; i++) {
      expect(header(i, DEAD_LETTER_HEADERS.originTopic)).toBe(harness.topic(Topics.pipelineAnonymized));
      expect(header(i, DEAD_LETTER_HEADERS.group)).toBe(harness.kafkaGroupId);
      expect(header(i, DEAD_LETTER_HEADERS.originOffset)).toMatch(/^\d+$/);
    }
    // The dead letter keeps the record as it was, and its reason names no submitted value.
    expect(deadLetters.some((d) => d.message.value?.toString() === '{not json')).toBe(true);
    expect(deadLetters.map((_, i) => header(i, DEAD_LETTER_HEADERS.reason)).join(' ')).not.toContain('not-a-uuid');
    expect(await harness.metricValue('ais_events_dead_lettered_total')).toBe(3);
    expect(reader.valuesOn<{ correlationId: string }>(harness.topic(Topics.pipelineScreened)).map((o) => o.correlationId).sort()).toEqual(
      [good1.correlationId, good2.correlationId].sort(),
    );
    await waitFor(async () => (await harness.committedOffset(Topics.pipelineAnonymized)) === 5, { description: 'all 5 offsets committed' });
  });

  it('retries a transient failure and writes nothing from the aborted attempt', async () => {
    let failuresLeft = 3;
    await harness.startStage((event) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new RetriableError('database restarting');
      }
      return [screenedFrom(event)];
    });
    const input = anonymizedEvent(randomUUID());
    await harness.sendEvents([input]);

    await waitFor(() => reader.on(harness.topic(Topics.pipelineScreened)).length >= 1, { timeoutMs: 60_000, description: 'output after retries' });
    await waitFor(async () => (await harness.committedOffset(Topics.pipelineAnonymized)) === 1, { description: 'offset committed' });
    expect(reader.on(harness.topic(Topics.pipelineScreened))).toHaveLength(1);
    expect(reader.on(harness.topic(`${Topics.pipelineAnonymized}.dlq`))).toHaveLength(0);
    expect(failuresLeft).toBe(0);
  });
});
