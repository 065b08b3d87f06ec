export * from './test-environment';
export * from './topic-reader';
export * from './unique-name';
export * from './wait-for';
export * from './leak-scan';
export * from './scratch-database';
export * from './vault-dev-server';
