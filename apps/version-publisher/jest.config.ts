import type { Config } from 'jest';

/** Unit tests: `*.spec.ts` beside the code under src/. */
const config: Config = {
  displayName: 'version-publisher',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/version-publisher',
};

export default config;
