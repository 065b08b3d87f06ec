export * from './error-code.filter';
export * from './logger.options';
export * from './metrics-registry';
export * from './metrics.controller';
export * from './observability.module';
