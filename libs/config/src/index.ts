export * from './fragments/kafka.env';
export * from './fragments/postgres.env';
export * from './fragments/security.env';
export * from './fragments/service.env';
export * from './load-config';
export * from './service-ports';
export * from './service.env';
export * from './fragments/taxii.env';
