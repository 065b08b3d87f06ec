export * from './auth.guard';
export * from './auth.module';
export * from './authenticator';
export * from './client-certificate';
export * from './identity.migrations';
export * from './password-hash';
export * from './principal.repository';
export * from './roles';
