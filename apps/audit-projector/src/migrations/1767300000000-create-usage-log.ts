import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH } from '../usage/usage-chain';

/**
 * §4.2 usage log: one row per action by a person, chained by hash in log order (`seq`), and the
 * chain's head (last `seq` and hash), so a removed tail is detected too. The table refuses UPDATE,
 * DELETE and TRUNCATE; the chain still detects a change made with the trigger disabled.
 */
export function createUsageLog(schema: string): new () => MigrationInterface {
  return class CreateUsageLog implements MigrationInterface {
    name = 'CreateUsageLog1767300000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schema}"`;
      await queryRunner.query(`
        CREATE TABLE ${s}.usage_log (
          seq bigint PRIMARY KEY CHECK (seq > 0),
          event_id uuid NOT NULL UNIQUE,
          occurred_at timestamptz NOT NULL,
          actor text NOT NULL,
          role text NOT NULL,
          action text NOT NULL,
          resource text NOT NULL,
          detail jsonb NOT NULL DEFAULT '{}',
          prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
          hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
          recorded_at timestamptz NOT NULL DEFAULT now()
        )`);
      await queryRunner.query(`CREATE INDEX usage_log_occurred_at ON ${s}.usage_log (occurred_at)`);
      await queryRunner.query(`CREATE INDEX usage_log_actor ON ${s}.usage_log (actor, occurred_at)`);
      await queryRunner.query(`CREATE INDEX usage_log_action ON ${s}.usage_log (action, occurred_at)`);
      await queryRunner.query(`
        CREATE TABLE ${s}.usage_chain_head (
          id smallint PRIMARY KEY CHECK (id = 1),
          seq bigint NOT NULL CHECK (seq >= 0),
          hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
        )`);
      await queryRunner.query(`INSERT INTO ${s}.usage_chain_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}')`);
      await queryRunner.query(`
        CREATE FUNCTION ${s}.usage_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the usage log is append-only' USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER usage_log_append_only BEFORE UPDATE OR DELETE ON ${s}.usage_log
          FOR EACH ROW EXECUTE FUNCTION ${s}.usage_log_append_only()`);
      await queryRunner.query(`
        CREATE TRIGGER usage_log_no_truncate BEFORE TRUNCATE ON ${s}.usage_log
          FOR EACH STATEMENT EXECUTE FUNCTION ${s}.usage_log_append_only()`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schema}"`;
      await queryRunner.query(`DROP TABLE ${s}.usage_chain_head`);
      await queryRunner.query(`DROP TABLE ${s}.usage_log`);
      await queryRunner.query(`DROP FUNCTION ${s}.usage_log_append_only()`);
    }
  };
}
