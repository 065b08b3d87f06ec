export * from './health.controller';
export * from './run-service';
export * from './service.module';
