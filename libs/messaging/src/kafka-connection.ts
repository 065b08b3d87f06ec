import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
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

/**
 * The broker's CONCURRENT_TRANSACTIONS (kafkajs's text for error 51): it is still writing the last
 * commit's markers. kafkajs retries the request (`stageProducerConfig`), and one that fails for good
 * fails the batch, which the stage logs; each retry was an ERROR line, a few a minute under load.
 */
const CONCURRENT_TRANSACTIONS_MESSAGE = 'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing';

/** The level a kafkajs log entry is logged at, or null for one not worth a line. */
export function levelOfKafkaLog({ level, log }: Pick<LogEntry, 'level' | 'log'>): 'error' | 'warn' | 'debug' | null {
  // Bounded retries are deliberate: a stage aborts and redoes its whole transaction, and a
  // request-driven publish should fail the request rather than hang it.
  if (log.message.startsWith('Limiting retries for the idempotent producer')) {
    return null;
  }
  if (log.error === CONCURRENT_TRANSACTIONS_MESSAGE || log.message === `Failed to send messages: ${CONCURRENT_TRANSACTIONS_MESSAGE}`) {
    return 'debug';
  }
  return level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
}

/** kafkajs log lines go through Nest's logger (JSON in production); they carry no record values. */
function logCreator() {
  return (entry: LogEntry) => {
    const level = levelOfKafkaLog(entry);
    if (level !== null) {
      const { message, ...extra } = entry.log;
      logger[level](`${message} ${JSON.stringify(extra)}`);
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

