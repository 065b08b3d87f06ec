import type { KafkaEnv } from '@ais/config';
import type { KafkaSecurity } from '@ais/messaging';

/** The broker credentials a service reads from its environment (deploy/k8s sets them per service). */
export function kafkaSecurityOf(env: KafkaEnv): KafkaSecurity | undefined {
  const sasl =
    env.KAFKA_SASL_MECHANISM === undefined
      ? undefined
      : { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' };
  if (sasl === undefined && env.KAFKA_SSL_CA_FILE === undefined) {
    return undefined;
  }
  return { sasl, caFile: env.KAFKA_SSL_CA_FILE };
}
