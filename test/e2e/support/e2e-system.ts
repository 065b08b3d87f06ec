import { DEVELOPMENT_ADMIN_TOKEN, type ServiceName } from '@ais/config';
import { deleteTopicsWithPrefix } from '@ais/messaging';
import { TEST_BROKERS, TEST_DATABASE_URL, uniqueName } from '@ais/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { REPO_ROOT, ServiceLauncher, SERVICES } from '../../../scripts/system/service-launcher';

const TAXII = 'application/taxii+json;version=2.1';

export interface Account {
  readonly username: string;
  readonly password: string;
}

/**
 * The whole system as `npm start` runs it, isolated for one test file: its own database, its own
 * topics (`e2e-<id>.` prefix) and its own ports, so it can run beside a developer's `npm start`.
 */
export class E2eSystem {
  readonly id = uniqueName('e2e').replace(/-/g, '_');
  readonly topicPrefix = `${this.id.replace(/_/g, '-')}.`;
  readonly databaseUrl: string;
  /** The broker the services use: the shared test broker unless a test brings its own. */
  readonly brokers: readonly string[];
  readonly launcher: ServiceLauncher;
  /** Where each service logs (`<service>.log`) and, at stop, leaves its /metrics. */
  readonly logDir: string;
  /** ingest-gateway's SMTP listener (the e-mail channel); the port after the services' by default. */
  readonly smtpPort: number;

  /** Where the system's database is created and dropped: the shared test cluster unless a test brings its own. */
  private readonly adminDatabaseUrl: string;

  constructor(
    portBase: number,
    options: { smtpPort?: number; env?: Readonly<Record<string, string>>; brokers?: readonly string[]; adminDatabaseUrl?: string; nodeArgs?: readonly string[] } = {},
  ) {
    this.brokers = options.brokers ?? TEST_BROKERS;
    this.adminDatabaseUrl = options.adminDatabaseUrl ?? TEST_DATABASE_URL;
    const url = new URL(this.adminDatabaseUrl);
    url.pathname = `/${this.id}`;
    this.databaseUrl = url.toString();
    const ports = Object.fromEntries(SERVICES.map((service, i) => [service, portBase + i])) as Record<ServiceName, number>;
    this.smtpPort = options.smtpPort ?? portBase + SERVICES.length;
    this.logDir = join(REPO_ROOT, '.local', 'logs', this.id);
    this.launcher = new ServiceLauncher({
      logDir: this.logDir,
      ports,
      nodeArgs: options.nodeArgs,
      env: {
        DATABASE_URL: this.databaseUrl,
        KAFKA_BROKERS: this.brokers.join(','),
        KAFKA_TOPIC_PREFIX: this.topicPrefix,
        KAFKA_SESSION_TIMEOUT_MS: '8000',
        AIS_INGEST_ROOT_URL: `http://127.0.0.1:${ports['ingest-gateway']}/ingest/`,
        AIS_FEDERAL_ROOT_URL: `http://127.0.0.1:${ports['version-publisher']}/federal/`,
        LOG_LEVEL: 'info',
        AIS_SMTP_PORT: String(this.smtpPort),
        ...options.env,
      },
    });
  }

  async start(): Promise<void> {
    await this.withAdminDatabase((client) => client.query(`CREATE DATABASE ${this.id}`));
    this.launcher.startAll();
    await this.launcher.waitHealthy();
  }

  async stop(): Promise<void> {
    await this.saveMetrics();
    await this.launcher.stopAll();
    await this.withAdminDatabase((client) => client.query(`DROP DATABASE IF EXISTS ${this.id} WITH (FORCE)`));
    await this.deleteTopics();
  }

  /**
   * The system's topics go with it: left behind, every test file and benchmark run added its
   * ~60 partitions and their records to the shared broker (a developer's had 6,300 partitions and
   * 25 GB after a day, and benchmarks on it slowed). Best effort: a broker a test stopped is gone.
   */
  private async deleteTopics(): Promise<void> {
    const admin = new Kafka({ clientId: `${this.id}-cleanup`, brokers: [...this.brokers], logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin();
    try {
      await admin.connect();
      await deleteTopicsWithPrefix(admin, this.topicPrefix);
    } catch {
      // Left for the broker's owner; nothing else depends on it.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Each running service's /metrics beside its log (`<service>.metrics.txt`), for the leak scan (scripts/leak-scan.ts). */
  async saveMetrics(): Promise<void> {
    await Promise.all(
      SERVICES.map(async (service) => {
        try {
          const response = await fetch(this.url(service, '/metrics'), { signal: AbortSignal.timeout(5_000) });
          if (response.status === 200) {
            writeFileSync(join(this.logDir, `${service}.metrics.txt`), await response.text());
          }
        } catch {
          // A service a test killed has no metrics to save.
        }
      }),
    );
  }

  url(service: ServiceName, path: string): string {
    return this.launcher.url(service, path);
  }

  async createAccount(role: string, extra: Record<string, unknown> = {}): Promise<Account> {
    const account = { username: uniqueName(role).toLowerCase(), password: `pw-${uniqueName()}` };
    const response = await fetch(this.url('ingest-gateway', '/admin/principals'), {
      method: 'POST',
      headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...account, role, organisation: `${role} organisation`, country: 'US', ...extra }),
    });
    if (response.status !== 201) {
      throw new Error(`creating ${role} failed: HTTP ${response.status} ${await response.text()}`);
    }
    return account;
  }

  async taxii(service: ServiceName, path: string, account: Account, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await fetch(this.url(service, path), {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`,
        accept: TAXII,
        ...(init.body === undefined ? {} : { 'content-type': TAXII }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  private async withAdminDatabase(work: (client: Client) => Promise<unknown>): Promise<void> {
    const client = new Client({ connectionString: this.adminDatabaseUrl });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  }
}
