import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { ConsumerServerOptions } from './consumer-server.base';
import { ConsumerStateRegistry } from './consumer-state';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.module';
import { MessagingMetrics } from './messaging.metrics';
import { KafkaProjectionServer } from './projection.server';
import type { ProjectionStore } from './projection-store';
import { KafkaStageServer } from './stage.server';

/** The app's global filter must pass RPC errors through unchanged (ErrorCodeFilter does). */
type SharedOption = 'kafka' | 'metrics' | 'states' | 'topicPrefix' | 'sessionTimeoutMs';
type GroupOptions = Omit<ConsumerServerOptions, SharedOption>;

function sharedOptions(app: INestApplication): Pick<ConsumerServerOptions, SharedOption> {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  return {
    kafka: app.get<Kafka>(KAFKA),
    metrics: app.get(MessagingMetrics),
    states: app.get(ConsumerStateRegistry),
    topicPrefix: options.topicPrefix,
    sessionTimeoutMs: options.sessionTimeoutMs,
  };
}

/** Runs the app's `consumes(group, …)` handlers as a transactional pipeline stage. */
export function attachStage(app: INestApplication, options: GroupOptions): KafkaStageServer {
  const server = new KafkaStageServer({ ...sharedOptions(app), ...options });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}

/** Runs the app's `consumes(group, …)` handlers as a projection into the given store. */
export function attachProjection<Tx>(app: INestApplication, options: GroupOptions, store: ProjectionStore<Tx>): KafkaProjectionServer<Tx> {
  const server = new KafkaProjectionServer<Tx>({ ...sharedOptions(app), ...options }, store);
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
