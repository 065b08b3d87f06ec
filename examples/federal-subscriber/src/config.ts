/* eslint-disable no-restricted-properties -- a standalone program an agency runs on its own: its settings come from its environment, not from the services' @ais/config */
import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

export interface SubscriberConfig {
  readonly kafka: KafkaConfig;
  readonly topic: string;
  readonly group: string;
  readonly stateFile: string;
}

/** `federal.<entity>.<purpose>`: the group prefix the entity's Kafka ACLs allow (deploy/subscribers). */
const GROUP = /^(.+\.)?federal\.(commerce|defense|energy|homeland-security|justice|treasury|odni)\.[a-z0-9][a-z0-9-]*$/;

/**
 * Settings, from the environment:
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `AIS_KAFKA_BROKERS` | bootstrap servers, comma-separated | `127.0.0.1:9092` |
 * | `AIS_SUBSCRIBER_GROUP` | the consumer group, `federal.<entity>.<purpose>` | required |
 * | `AIS_SUBSCRIBER_TOPIC` | the topic | `ais.dissemination.published.v1` |
 * | `AIS_SUBSCRIBER_STATE_FILE` | where the latest version per STIX id is kept | `federal-subscriber-state.json` |
 * | `AIS_KAFKA_USERNAME`, `AIS_KAFKA_PASSWORD` | SASL/SCRAM-SHA-512 credentials of the entity's Kafka user | none |
 * | `AIS_KAFKA_CA_FILE` | PEM CA for TLS to the brokers (TLS is on when set, or with SASL) | none |
 *
 * A test prefix before `federal.` is allowed (`e2e-….federal.energy.example`).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubscriberConfig {
  const group = env.AIS_SUBSCRIBER_GROUP ?? '';
  if (!GROUP.test(group)) {
    throw new Error('AIS_SUBSCRIBER_GROUP must be federal.<entity>.<purpose> (entity: commerce, defense, energy, homeland-security, justice, treasury, odni)');
  }
  const username = env.AIS_KAFKA_USERNAME;
  const password = env.AIS_KAFKA_PASSWORD;
  const sasl: SASLOptions | undefined = username !== undefined && password !== undefined ? { mechanism: 'scram-sha-512', username, password } : undefined;
  const caFile = env.AIS_KAFKA_CA_FILE;
  const ssl = caFile !== undefined ? { ca: [readFileSync(caFile, 'utf8')] } : sasl !== undefined;
  return {
    kafka: {
      clientId: group,
      brokers: (env.AIS_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()).filter(Boolean),
      ssl,
      sasl,
    },
    topic: env.AIS_SUBSCRIBER_TOPIC ?? 'ais.dissemination.published.v1',
    group,
    stateFile: env.AIS_SUBSCRIBER_STATE_FILE ?? 'federal-subscriber-state.json',
  };
}
