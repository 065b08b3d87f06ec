import type { Config } from 'jest';

/** Unit tests: `*.spec.ts` beside the code under src/. */
const config: Config = {
  displayName: 'pii-filter',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/pii-filter',
};

export default config;
