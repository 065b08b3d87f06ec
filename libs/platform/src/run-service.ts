import { IDENTITY_SCHEMA_OWNER } from '@ais/auth';
import { ConfigError, loadServiceConfig, servicePort, type ServiceConfig, type ServiceName } from '@ais/config';
import { accessLog, ErrorCodeFilter, ROOT_LOGGER } from '@ais/observability';
import { migrateSchemas, type SchemaOwner } from '@ais/persistence';
import { KEYSTORE_SCHEMA_OWNER } from '@ais/sealing';
import { type DynamicModule, type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { keepIdleConnectionsOpen } from './idle-connections';

export interface ServiceDefinition {
  readonly service: ServiceName;
  /** The service's own schema and migrations; the shared key store and identity schemas come too. */
  readonly owner: SchemaOwner;
  readonly module: (config: ServiceConfig) => DynamicModule;
  /** Connects the service's consumer groups (stages, projections) before it starts listening. */
  readonly consumers?: (app: INestApplication) => void;
  /** Express body parsing is off by default: services that take bodies install their own limits. */
  readonly configure?: (app: NestExpressApplication, config: ServiceConfig) => void;
}

/** Boot: validate config, migrate, start consumers, listen on loopback or the configured host. */
export async function runService(definition: ServiceDefinition): Promise<INestApplication> {
  const config = loadServiceConfig();
  await migrateSchemas(config.postgres.DATABASE_URL, [KEYSTORE_SCHEMA_OWNER, IDENTITY_SCHEMA_OWNER, definition.owner]);
  const app = await NestFactory.create<NestExpressApplication>(definition.module(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(accessLog(app.get(ROOT_LOGGER)));
  app.useGlobalFilters(new ErrorCodeFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  definition.configure?.(app, config);
  definition.consumers?.(app);
  // Module init creates the topics; consumers subscribe only after that.
  await app.init();
  await app.startAllMicroservices();
  keepIdleConnectionsOpen(app.getHttpServer());
  await app.listen(servicePort(definition.service), config.http.AIS_HTTP_HOST);
  return app;
}

/** `main.ts` of every service: run, and exit non-zero with the reason when boot fails. */
export function main(definition: ServiceDefinition): void {
  runService(definition).catch((error: unknown) => {
    const reason = error instanceof ConfigError ? error.message : `${error instanceof Error ? error.name : 'error'}: boot failed`;
    process.stderr.write(`${definition.service}: ${reason}\n`);
    if (!(error instanceof ConfigError) && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    process.exit(1);
  });
}
