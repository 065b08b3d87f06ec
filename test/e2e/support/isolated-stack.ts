import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../scripts/system/service-launcher';

export interface IsolatedStackPorts {
  readonly kafka: number;
  readonly kafkaController: number;
  readonly postgres: number;
}

/**
 * A Kafka broker and a PostgreSQL cluster of a test's own, started by `scripts/kafka.sh` and
 * `scripts/postgres.sh` with their own ports and state directory (`.local/<name>/`): a
 * fault-injection test can stop and restart them without touching the shared development stack
 * other tests are using.
 */
export class IsolatedStack {
  readonly stateDir: string;

  constructor(
    name: string,
    readonly ports: IsolatedStackPorts,
  ) {
    this.stateDir = join(REPO_ROOT, '.local', name);
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.ports.kafka}`];
  }

  /** The cluster's `ais` database as its owner sees it: where E2eSystem creates its database. */
  get adminDatabaseUrl(): string {
    return `postgres://ais:ais@127.0.0.1:${this.ports.postgres}/ais`;
  }

  async start(): Promise<void> {
    await Promise.all([this.kafka('up'), this.postgres('up')]);
  }

  /** Controlled shutdown, then start again on the same data; resolves once it answers clients. */
  async restartKafka(): Promise<void> {
    await this.kafka('down');
    await this.kafka('up');
  }

  /** `pg_ctl stop -m fast` (every connection is cut), then start again on the same data. */
  async restartPostgres(): Promise<void> {
    await this.postgres('down');
    await this.postgres('up');
  }

  /** Stops both and deletes their data. */
  async destroy(): Promise<void> {
    await Promise.allSettled([this.kafka('down', '--wipe'), this.postgres('down', '--wipe')]);
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  private kafka(...args: string[]): Promise<void> {
    return this.script('kafka.sh', args, {
      KAFKA_PORT: String(this.ports.kafka),
      KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
      KAFKA_STATE_DIR: join(this.stateDir, 'kafka'),
      KAFKA_LOG_FILE: join(this.stateDir, 'kafka.log'),
    });
  }

  private postgres(...args: string[]): Promise<void> {
    return this.script('postgres.sh', args, {
      AIS_PG_PORT: String(this.ports.postgres),
      AIS_PG_BASE_DIR: join(this.stateDir, 'postgres'),
      AIS_PG_LOG_FILE: join(this.stateDir, 'postgres.log'),
    });
  }

  private script(script: string, args: string[], env: Record<string, string>): Promise<void> {
    // Without DATABASE_URL, postgres.sh starts its own cluster instead of checking the given one.
    const { DATABASE_URL: _shared, ...inherited } = process.env;
    return new Promise((resolve, reject) => {
      execFile('bash', [join(REPO_ROOT, 'scripts', script), ...args], { cwd: REPO_ROOT, env: { ...inherited, ...env }, timeout: 180_000 }, (error, stdout, stderr) =>
        error === null ? resolve() : reject(new Error(`${script} ${args.join(' ')} failed: ${stderr.trim() || stdout.trim()}`)),
      );
    });
  }
}
