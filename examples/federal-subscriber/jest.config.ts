import type { Config } from 'jest';

/** The example's unit tests: `npx jest -c examples/federal-subscriber/jest.config.ts`. */
const config: Config = {
  displayName: 'federal-subscriber',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

export default config;
