import { AuthModule } from '@ais/auth';
import type { ServiceConfig } from '@ais/config';
import { MessagingModule } from '@ais/messaging';
import { ObservabilityModule } from '@ais/observability';
import { dataSourceOptions } from '@ais/persistence';
import { SealingModule } from '@ais/sealing';
import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HEALTH_TIMEOUT_MS, HealthController } from './health.controller';
import { kafkaSecurityOf } from './kafka-security';
import { keyStoreChoice } from './key-store-choice';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface ServiceModuleOptions {
  readonly service: string;
  readonly schema: string;
  readonly config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: Function[];
}

/** What every service has: logs, metrics, Kafka, its database schema, authentication, health. */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: ServiceModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: options.service, logLevel: config.logging.LOG_LEVEL }),
        MessagingModule.forRoot({
          brokers: config.kafka.KAFKA_BROKERS,
          clientId: options.service,
          topicLayout: { partitions: config.kafka.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.kafka.KAFKA_REPLICATION_FACTOR },
          topicPrefix: config.kafka.KAFKA_TOPIC_PREFIX,
          sessionTimeoutMs: config.kafka.KAFKA_SESSION_TIMEOUT_MS,
          security: kafkaSecurityOf(config.kafka),
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.postgres.DATABASE_URL,
            poolSize: config.postgres.DATABASE_POOL_SIZE,
            schema: options.schema,
            migrations: [],
            entities: options.entities ?? [],
            applicationName: options.service,
          }),
        }),
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({ adminToken: config.security.AIS_ADMIN_TOKEN }),
        SealingModule.forRoot(keyStoreChoice(config.security)),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: HEALTH_TIMEOUT_MS, useValue: 2_000 },
      ],
      exports: [SERVICE_CONFIG],
    };
  }
}
