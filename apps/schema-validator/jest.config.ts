import type { Config } from 'jest';

/** Unit tests: `*.spec.ts` beside the code under src/. */
const config: Config = {
  displayName: 'schema-validator',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/schema-validator',
};

export default config;
