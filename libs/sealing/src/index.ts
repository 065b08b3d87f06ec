export * from './key-id';
export * from './key-store';
export * from './keystore.migrations';
export * from './postgres-key.store';
export * from './sealer';
export * from './sealing.module';
export * from './vault-key.store';
