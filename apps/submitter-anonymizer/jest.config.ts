import type { Config } from 'jest';

/** Unit tests: `*.spec.ts` beside the code under src/. */
const config: Config = {
  displayName: 'submitter-anonymizer',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/submitter-anonymizer',
};

export default config;
