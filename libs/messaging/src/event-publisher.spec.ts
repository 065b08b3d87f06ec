import { buildEvent, type AnyEvent } from '@ais/contracts';
import type { Kafka, ProducerBatch } from 'kafkajs';
import { Registry } from 'prom-client';
import { EventPublisher } from './event-publisher';
import { SEND_MAX_BYTES } from './send-size';
import { MessagingMetrics } from './messaging.metrics';

const SUBMISSION = '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41';

function received(objectCount: number, padding = 0): AnyEvent {
  return buildEvent(
    'SubmissionReceived',
    {
      submissionId: SUBMISSION,
      channel: 'taxii',
      principalId: SUBMISSION,
      objectCount,
      receivedAt: '2026-11-29T07:00:00.000Z',
      sealedContent: { keyId: SUBMISSION, iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'e30='.padEnd(4 + padding, 'A') },
    },
    { key: SUBMISSION, producer: 'test', correlationId: SUBMISSION, causationId: null, occurredAt: new Date('2026-11-29T07:00:00Z') },
  );
}

/** A producer whose sends finish when the test says so. */
class ControlledProducer {
  readonly sends: ProducerBatch[] = [];
  private readonly pending: { resolve: () => void; reject: (error: Error) => void }[] = [];

  connect = () => Promise.resolve();
  disconnect = () => Promise.resolve();
  sendBatch = (batch: ProducerBatch) => {
    this.sends.push(batch);
    return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
  };

  finishNext(error?: Error): void {
    const next = this.pending.shift()!;
    if (error === undefined) {
      next.resolve();
    } else {
      next.reject(error);
    }
  }
}

function publisherWith(producer: ControlledProducer): EventPublisher {
  const kafka = { producer: () => producer } as unknown as Kafka;
  return new EventPublisher(kafka, new MessagingMetrics(new Registry()));
}

const objectCounts = (batch: ProducerBatch) =>
  (batch.topicMessages ?? []).flatMap(({ messages }) => messages.map((m) => (JSON.parse(m.value as string) as { data: { objectCount: number } }).data.objectCount));
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('EventPublisher', () => {
  it('sends at once when idle, and sends the publishes that queued meanwhile together, in order, in the next send', async () => {
    const producer = new ControlledProducer();
    const publisher = publisherWith(producer);
    const first = publisher.publish([received(1)]);
    await flush();
    const queued = [publisher.publish([received(2)]), publisher.publish([received(3)]), publisher.publish([received(4)])];
    await flush();
    expect(producer.sends).toHaveLength(1);

    producer.finishNext();
    await first;
    await flush();
    expect(producer.sends).toHaveLength(2);
    expect(objectCounts(producer.sends[1]!)).toEqual([2, 3, 4]);
    expect(producer.sends[1]!.acks).toBe(-1);

    producer.finishNext();
    await expect(Promise.all(queued)).resolves.toBeDefined();
  });

  it('retries each publish of a failed grouped send on its own, so only the one the broker refuses fails', async () => {
    const producer = new ControlledProducer();
    const publisher = publisherWith(producer);
    const first = publisher.publish([received(1)]);
    await flush();
    const second = publisher.publish([received(2)]);
    const third = publisher.publish([received(3)]);
    producer.finishNext();
    await first;
    await flush();
    expect(objectCounts(producer.sends[1]!)).toEqual([2, 3]);
    producer.finishNext(new Error('message too large'));
    await flush();
    expect(objectCounts(producer.sends[2]!)).toEqual([2]);
    producer.finishNext(new Error('message too large'));
    await expect(second).rejects.toThrow('message too large');
    await flush();
    expect(objectCounts(producer.sends[3]!)).toEqual([3]);
    producer.finishNext();
    await expect(third).resolves.toBeUndefined();

    const fourth = publisher.publish([received(4)]);
    await flush();
    producer.finishNext();
    await expect(fourth).resolves.toBeUndefined();
    expect(objectCounts(producer.sends[4]!)).toEqual([4]);
  });

  it('keeps a grouped send under the size cap: what does not fit waits for the send after', async () => {
    const producer = new ControlledProducer();
    const publisher = publisherWith(producer);
    const first = publisher.publish([received(1)]);
    await flush();
    const third = Math.floor(SEND_MAX_BYTES / 3);
    const big = [publisher.publish([received(2, third)]), publisher.publish([received(3, third)]), publisher.publish([received(4, third)])];
    await flush();
    producer.finishNext();
    await first;
    await flush();
    expect(objectCounts(producer.sends[1]!)).toEqual([2, 3]);
    producer.finishNext();
    await flush();
    expect(objectCounts(producer.sends[2]!)).toEqual([4]);
    producer.finishNext();
    await Promise.all(big);
  });
});
