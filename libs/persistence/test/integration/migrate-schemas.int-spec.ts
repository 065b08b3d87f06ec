import { ScratchDatabase } from '@ais/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrateSchemas } from '../../src/migrate-schemas';

/** Ends the session of `migrateSchemas`'s advisory lock, as a PostgreSQL restart in the middle of a start-up would. */
class EndsTheLockSession1700000000000 implements MigrationInterface {
  name = 'EndsTheLockSession1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'CREATE SCHEMA%'`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo.
  }
}

describe('migrateSchemas', () => {
  const database = new ScratchDatabase('migrate_lock');

  beforeAll(() => database.create());
  afterAll(() => database.drop());

  it('stops with an error when PostgreSQL ends its lock session during a migration, and leaves no error unheard', async () => {
    await expect(migrateSchemas(database.url, [{ schema: 'lock_ended', migrations: [EndsTheLockSession1700000000000] }])).rejects.toThrow(
      /not queryable|terminat/,
    );
  });
});
