import { Transform } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { toInt } from './to-int';

export class KafkaEnv {
  /** Comma-separated `host:port` list. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((b) => b.trim()).filter(Boolean) : value))
  @IsString({ each: true })
  @ArrayMinSize(1)
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Partitions of each pipeline topic: the most consumers a group can spread over. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_REPLICATION_FACTOR = 1;

  /**
   * How long the broker waits for a silent member before handing its partitions to others: the
   * recovery time after a crash. The broker's minimum is 6 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(6_000)
  @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS = 30_000;

  /** Prepended to every topic name, to run an isolated copy of the pipeline (tests). */
  @Matches(/^([a-z0-9-]+\.)?$/)
  KAFKA_TOPIC_PREFIX = '';

  /**
   * SASL mechanism of the broker's authenticated listener (Strimzi: scram-sha-512). Unset for the
   * local single-node broker, which listens in plaintext on loopback.
   */
  @IsOptional()
  @IsIn(['plain', 'scram-sha-256', 'scram-sha-512'])
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';

  /** The service's Kafka user (its KafkaUser in deploy/k8s); required with a mechanism. */
  @ValidateIf((env: KafkaEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsString()
  @MinLength(1)
  KAFKA_SASL_USERNAME?: string;

  /** From a Secret, never committed; required with a mechanism. */
  @ValidateIf((env: KafkaEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsString()
  @MinLength(1)
  KAFKA_SASL_PASSWORD?: string;

  /** PEM file of the cluster CA: when set, the connection uses TLS verified against it. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  KAFKA_SSL_CA_FILE?: string;
}
