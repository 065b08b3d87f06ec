import type { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { ConsumerStateRegistry } from './consumer-state';
import { consumes } from './handler-pattern';
import { MessagingMetrics } from './messaging.metrics';
import { KafkaProjectionServer } from './projection.server';
import type { ProjectionStore } from './projection-store';

const EVENTS = { GROUP_JOIN: 'group_join', CRASH: 'crash', STOP: 'stop', DISCONNECT: 'disconnect', FETCH: 'fetch' } as const;

/** A kafkajs consumer as the server drives it: counts its calls and lets the test raise its events. */
class FakeConsumer {
  readonly events = EVENTS;
  connects = 0;
  runs = 0;
  private readonly listeners = new Map<string, ((event: { payload: Record<string, unknown> }) => void)[]>();

  on(name: string, listener: (event: { payload: Record<string, unknown> }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  emit(name: string, payload: Record<string, unknown>): void {
    for (const listener of this.listeners.get(name) ?? []) {
      listener({ payload });
    }
  }

  connect(): Promise<void> {
    this.connects++;
    return Promise.resolve();
  }

  subscribe(): Promise<void> {
    return Promise.resolve();
  }

  run(): Promise<void> {
    this.runs++;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }
}

const unusedStore = {} as ProjectionStore<unknown>;

/**
 * kafkajs does not restart a consumer after an error it deems not retriable (no group coordinator
 * found while the broker was away longer than its retries): the server starts it again itself.
 */
describe('a consumer that kafkajs gave up on', () => {
  let consumer: FakeConsumer;
  let states: ConsumerStateRegistry;
  let server: KafkaProjectionServer<unknown>;

  beforeEach(async () => {
    jest.useFakeTimers();
    consumer = new FakeConsumer();
    states = new ConsumerStateRegistry();
    server = new KafkaProjectionServer({ kafka: { consumer: () => consumer } as unknown as Kafka, group: 'test-group', metrics: new MessagingMetrics(new Registry()), states }, unusedStore);
    server.addHandler(consumes('test-group', 'IndicatorPublished'), () => Promise.resolve());
    await new Promise<void>((resolve, reject) => void server.listen((error) => (error === undefined ? resolve() : reject(error as Error))));
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('is started again after a few seconds, and is unhealthy until it has joined', async () => {
    expect({ connects: consumer.connects, runs: consumer.runs }).toEqual({ connects: 1, runs: 1 });
    consumer.emit(EVENTS.CRASH, { error: new Error('Failed to find group coordinator'), restart: false });
    expect(states.all()[0]).toMatchObject({ crashed: true });

    await jest.advanceTimersByTimeAsync(5_000);
    expect({ connects: consumer.connects, runs: consumer.runs }).toEqual({ connects: 2, runs: 2 });
    expect(states.all()[0]).toMatchObject({ crashed: true });
    consumer.emit(EVENTS.GROUP_JOIN, { memberAssignment: {} });
    expect(states.all()[0]).toMatchObject({ crashed: false, joined: true });
  });

  it('is left to kafkajs when kafkajs restarts it', async () => {
    consumer.emit(EVENTS.CRASH, { error: new Error('coordinator loading'), restart: true });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumer.runs).toBe(1);
  });

  it('is not started again once the server closed', async () => {
    consumer.emit(EVENTS.CRASH, { error: new Error('Failed to find group coordinator'), restart: false });
    await server.close();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumer.runs).toBe(1);
  });
});
