import { DEVELOPMENT_ADMIN_TOKEN } from '@ais/config';
import { deleteTopicsWithPrefix } from '@ais/messaging';
import { TEST_BROKERS, TEST_DATABASE_URL, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { call, freePort, type Account, type HttpOptions, type HttpResult } from './http-client';
import type { TestCertificates } from './test-certificates';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * ingest-gateway alone, started as `npm start` starts it (its real main.ts in a child process),
 * on its own database, topic prefix and free ports, against the real broker and PostgreSQL;
 * with the HTTPS listener when certificates are given.
 */
export class GatewayUnderTest {
  readonly id = uniqueName('igw').replace(/-/g, '_');
  readonly topicPrefix = `${this.id.replace(/_/g, '-')}.`;
  readonly databaseUrl: string;
  private child: ChildProcess | null = null;
  private ports = { http: 0, https: 0 };

  private constructor(private readonly certificates: TestCertificates | null) {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${this.id}`;
    this.databaseUrl = url.toString();
  }

  static async start(options: { certificates?: TestCertificates; env?: Record<string, string> } = {}): Promise<GatewayUnderTest> {
    const gateway = new GatewayUnderTest(options.certificates ?? null);
    await gateway.boot(options.env ?? {});
    return gateway;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.ports.http}${path}`;
  }

  tlsUrl(path: string): string {
    return `https://127.0.0.1:${this.ports.https}${path}`;
  }

  /** A TAXII request over HTTP. */
  taxii(path: string, options: HttpOptions = {}): Promise<HttpResult> {
    return call(this.url(path), options);
  }

  /** A TAXII request over HTTPS, trusting the test CA, presenting `cert`/`key` when given. */
  taxiiTls(path: string, options: HttpOptions & { cert?: Buffer; key?: Buffer } = {}): Promise<HttpResult> {
    if (this.certificates === null) {
      throw new Error('started without TLS');
    }
    return call(this.tlsUrl(path), { ...options, tls: { ca: this.certificates.ca, cert: options.cert, key: options.key } });
  }

  async createAccount(role: string, extra: Record<string, unknown> = {}): Promise<Account & { id: string }> {
    const account = { username: uniqueName(role).toLowerCase(), password: `pw-${uniqueName()}` };
    const response = await this.admin({ ...account, role, organisation: `${role} organisation`, country: 'US', ...extra });
    if (response.status !== 201) {
      throw new Error(`creating ${role} failed: HTTP ${response.status} ${response.text}`);
    }
    return { ...account, id: response.body.id as string };
  }

  /** POST /admin/principals as the bootstrap admin. */
  admin(body: Record<string, unknown>): Promise<HttpResult> {
    return call(this.url('/admin/principals'), {
      method: 'POST',
      headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}`, 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
  }

  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child !== null && child.exitCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await withAdminDatabase((client) => client.query(`DROP DATABASE IF EXISTS ${this.id} WITH (FORCE)`));
    const admin = new Kafka({ clientId: 'igw-cleanup', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await deleteTopicsWithPrefix(admin, this.topicPrefix).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }

  private async boot(extraEnv: Record<string, string>): Promise<void> {
    this.ports = { http: await freePort(), https: await freePort() };
    await withAdminDatabase((client) => client.query(`CREATE DATABASE ${this.id}`));
    const tls = this.certificates;
    const logDir = join(REPO_ROOT, '.local', 'logs', this.id);
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, 'ingest-gateway.log'), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'ingest-gateway', 'src', 'main.ts')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'),
        INGEST_GATEWAY_PORT: String(this.ports.http),
        DATABASE_URL: this.databaseUrl,
        KAFKA_BROKERS: TEST_BROKERS.join(','),
        KAFKA_TOPIC_PREFIX: this.topicPrefix,
        KAFKA_SESSION_TIMEOUT_MS: '8000',
        AIS_INGEST_ROOT_URL: `http://127.0.0.1:${this.ports.http}/ingest/`,
        AIS_FEDERAL_ROOT_URL: 'http://127.0.0.1:8085/federal/',
        LOG_LEVEL: 'info',
        // The e-mail channel's SMTP listener must not collide with another running gateway.
        AIS_SMTP_PORT: String(await freePort()),
        ...(tls === null
          ? {}
          : { AIS_TLS_CERT: tls.server.certPath, AIS_TLS_KEY: tls.server.keyPath, AIS_TLS_CLIENT_CA: tls.caPath, INGEST_GATEWAY_TLS_PORT: String(this.ports.https) }),
        ...extraEnv,
      },
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`ingest-gateway exited during start-up; see ${join(logDir, 'ingest-gateway.log')}`);
        }
        const health = await fetch(this.url('/health'), { signal: AbortSignal.timeout(2_000) }).catch(() => null);
        return health?.status === 200;
      },
      { timeoutMs: 90_000, intervalMs: 250, description: 'ingest-gateway healthy' },
    );
  }
}

async function withAdminDatabase(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
