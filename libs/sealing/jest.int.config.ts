import type { Config } from 'jest';

/** Integration tests against the real Kafka broker and PostgreSQL started by scripts/ (Nx target `test-int`). */
const config: Config = {
  displayName: 'sealing:int',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/../../jest.int.setup.ts'],
};

export default config;
