import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A real Vault in development mode (in memory, unsealed, KV version 2 at `secret/`) for one test
 * file, on a free loopback port, from the binary `scripts/vault.sh build` made.
 */
export class VaultDevServer {
  readonly rootToken = randomUUID();
  private child?: ChildProcess;
  private port = 0;

  get address(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const binary = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'vault.sh'), 'path'], { encoding: 'utf8' }).stdout.trim();
    if (!existsSync(binary)) {
      throw new Error(`no Vault binary at ${binary}: run \`bash scripts/vault.sh build\` (npm test does)`);
    }
    this.port = await freePort();
    this.child = spawn(binary, ['server', '-dev', `-dev-root-token-id=${this.rootToken}`, `-dev-listen-address=127.0.0.1:${this.port}`, '-dev-no-store-token'], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    // Settles only if Vault dies first; Promise.race handles its later rejection on stop().
    const exited = new Promise<never>((_, reject) => this.child!.once('exit', (code) => reject(new Error(`Vault exited with ${code} while starting`))));
    await Promise.race([
      exited,
      waitFor(async () => (await fetch(`${this.address}/v1/sys/health`)).status === 200, { timeoutMs: 30_000, description: 'Vault dev server' }),
    ]);
  }

  /** A call to Vault's HTTP API as root: policies and tokens for the tests. */
  async api<T = unknown>(method: string, path: string, body?: unknown, token = this.rootToken): Promise<{ status: number; body: T | null }> {
    const response = await fetch(`${this.address}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as T) };
  }

  /**
   * A token holding only the policy docs/operations.md gives the services: create, read and update
   * the data keys' secrets under `prefix`, delete their metadata; nothing else.
   */
  async keyStoreToken(mount: string, prefix: string): Promise<string> {
    const policy = `
      path "${mount}/data/${prefix}/*" { capabilities = ["create", "read", "update"] }
      path "${mount}/metadata/${prefix}/*" { capabilities = ["delete"] }`;
    const written = await this.api('PUT', 'sys/policies/acl/ais-data-keys', { policy });
    const created = await this.api<{ auth: { client_token: string } }>('POST', 'auth/token/create', { policies: ['ais-data-keys'], no_default_policy: true });
    if (written.status !== 204 || created.body === null) {
      throw new Error(`Vault refused the key store's policy or token (HTTP ${written.status} / ${created.status})`);
    }
    return created.body.auth.client_token;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
