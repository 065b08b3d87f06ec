import type { Config } from 'jest';

/** Every project's integration tests (`test/integration/*.int-spec.ts`) against the real broker and database. */
const config: Config = {
  projects: ['<rootDir>/apps/*/jest.int.config.ts', '<rootDir>/libs/*/jest.int.config.ts'],
};

export default config;
