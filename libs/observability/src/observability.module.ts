import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, PinoLogger } from 'nestjs-pino';
import type { DestinationStream, Logger as Pino } from 'pino';
import { createRootLogger } from './logger.options';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics-registry';
import { MetricsController } from './metrics.controller';

/** The service's pino logger, for the access log (`accessLog`). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface ObservabilityOptions {
  readonly service: string;
  readonly logLevel: string;
  /** Where the log lines go; stdout unless given. */
  readonly destination?: DestinationStream;
}

/**
 * Logger, metrics registry and `/metrics` for one service. The Nest logger is nestjs-pino's, on
 * the service's pino logger, without nestjs-pino's request middleware (see `accessLog`).
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const root: Pino = createRootLogger(options.service, options.logLevel, options.destination);
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: PARAMS_PROVIDER_TOKEN, useValue: { pinoHttp: { logger: root } } },
        PinoLogger,
        Logger,
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options.service) },
      ],
      exports: [ROOT_LOGGER, Logger, METRICS_REGISTRY],
    };
  }
}
