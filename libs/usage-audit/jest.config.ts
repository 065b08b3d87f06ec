import type { Config } from 'jest';

/** Unit tests: `*.spec.ts` beside the code under src/. */
const config: Config = {
  displayName: 'usage-audit',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/usage-audit',
};

export default config;
