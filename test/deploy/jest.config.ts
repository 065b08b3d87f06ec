import type { Config } from 'jest';

/** The deployment manifests (deploy/k8s) rendered and checked; reads files only. */
const config: Config = {
  displayName: 'deploy',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

export default config;
