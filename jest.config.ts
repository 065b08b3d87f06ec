import type { Config } from 'jest';

/**
 * `npx jest` from the root runs every project's unit tests (`*.spec.ts`). Integration tests run per
 * app through `nx run <app>:test-int`, end-to-end tests through `jest -c jest.e2e.config.ts`.
 */
const config: Config = {
  projects: ['<rootDir>/apps/*/jest.config.ts', '<rootDir>/libs/*/jest.config.ts', '<rootDir>/examples/*/jest.config.ts', '<rootDir>/test/deploy/jest.config.ts'],
};

export default config;
