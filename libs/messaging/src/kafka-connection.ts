import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
import { cacheCoordinatorLookups } from './coordinator-cache';

/** How a service proves itself to an authenticated broker listener (Strimzi TLS + SCRAM). */
export interface KafkaSecurity {
  readonly sasl?: { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly password: string };
  /** PEM file of the cluster CA; when set the connection is TLS, verified against it. */
  readonly caFile?: string;
}

export interface KafkaConnectionOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Absent for the local loopback broker. */
  readonly security?: KafkaSecurity;
}

const logger = new Logger('kafkajs');

/** kafkajs log lines go through Nest's logger (JSON in production); they carry no record values. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    // Bounded retries are deliberate: a stage aborts and redoes its whole transaction, and a
    // request-driven publish should fail the request rather than hang it.
    if (message.startsWith('Limiting retries for the idempotent producer')) {
      return;
    }
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) {
      logger.error(line);
    } else if (level === logLevel.WARN) {
      logger.warn(line);
    } else {
      logger.debug(line);
    }
  };
}

export function createKafka(options: KafkaConnectionOptions): Kafka {
  cacheCoordinatorLookups();
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 100, retries: 8 },
    ...connectionSecurity(options.security),
  });
}

/** kafkajs `ssl`/`sasl` settings; SASL without a CA file still uses TLS with the system's CAs. */
export function connectionSecurity(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  if (security === undefined || (security.sasl === undefined && security.caFile === undefined)) {
    return {};
  }
  const ssl = security.caFile === undefined ? true : { ca: [readFileSync(security.caFile, 'utf8')], rejectUnauthorized: true };
  // kafkajs types SASL per mechanism; these three share the username/password shape.
  return security.sasl === undefined ? { ssl } : { ssl, sasl: { ...security.sasl } as SASLOptions };
}

/** The Java client's murmur2 partitioner, so keys land where other Kafka clients put them. */
export const javaCompatiblePartitioner = Partitioners.DefaultPartitioner;
