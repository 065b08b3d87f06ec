import type { Config } from 'jest';

/**
 * Whole-system scenarios (`test/e2e/*.e2e-spec.ts`) against all seven services as the start script
 * runs them: `npx jest -c jest.e2e.config.ts`. One worker: the scenarios share one running system.
 */
const config: Config = {
  displayName: 'e2e',
  preset: './jest.preset.js',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};

export default config;
