export * from './baseline-profile';
export * from './check-minimum';
export * from './error-codes';
export * from './profile';
export * from './profile-change';
export * from './prune-to-profile';
