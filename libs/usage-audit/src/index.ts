export * from './usage-audit.module';
export * from './usage-audit.publisher';
