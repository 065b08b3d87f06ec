import { KafkaEnv } from './fragments/kafka.env';
import { ManualChannelsEnv } from './fragments/manual-channels.env';
import { PostgresEnv } from './fragments/postgres.env';
import { SecurityEnv } from './fragments/security.env';
import { HttpEnv, LoggingEnv } from './fragments/service.env';
import { TaxiiEnv } from './fragments/taxii.env';
import { loadConfig, type LoadedConfig } from './load-config';

/** The fragments every service reads. */
export const SERVICE_ENV = { kafka: KafkaEnv, postgres: PostgresEnv, security: SecurityEnv, logging: LoggingEnv, taxii: TaxiiEnv, http: HttpEnv, manualChannels: ManualChannelsEnv };
export type ServiceConfig = LoadedConfig<typeof SERVICE_ENV>;

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig(SERVICE_ENV, env);
}
