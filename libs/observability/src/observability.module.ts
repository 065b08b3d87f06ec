import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './logger.options';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics-registry';
import { MetricsController } from './metrics.controller';

export interface ObservabilityOptions {
  readonly service: string;
  readonly logLevel: string;
}

/** Logger, metrics registry and `/metrics` for one service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggerOptions(options.service, options.logLevel))],
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options.service) }],
      exports: [METRICS_REGISTRY],
    };
  }
}
