import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Partitioners, type LogEntry } from 'kafkajs';

export interface KafkaConnectionOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
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
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

/** The Java client's murmur2 partitioner, so keys land where other Kafka clients put them. */
export const javaCompatiblePartitioner = Partitioners.DefaultPartitioner;
