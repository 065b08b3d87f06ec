export * from './health.controller';
export * from './idle-connections';
export * from './run-service';
export * from './service.module';
