import { waitFor } from '@ais/testing';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestCertificates, type TestCertificates } from '../../apps/ingest-gateway/test/support/test-certificates';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator, malware, relationship } from './support/stix-fixtures';

const TAXII = 'application/taxii+json;version=2.1';
const PORT_BASE = 19780;
const TLS_PORT = PORT_BASE + 10;
const SCRIPT = join(REPO_ROOT, 'test', 'e2e', 'support', 'taxii2-client', 'interop.py');

interface ClientStatus {
  id: string;
  status: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: { id: string; version: string; message?: string }[];
  failures: unknown[];
  pendings: unknown[];
}

interface InteropResult {
  discovery: { title: string; description: string; default: string; api_roots: string[] };
  api_root: { title: string; versions: string[]; max_content_length: number };
  collections: { id: string; title: string; can_read: boolean; can_write: boolean; media_types: string[]; url: string }[];
  add: { status: ClientStatus; seconds: number };
  duplicate: { status: ClientStatus; seconds: number };
  tls?: { title: string; api_root_title: string; add: { status: ClientStatus; seconds: number } };
}

/** Runs interop.py with the venv's python; the request goes on stdin, the result comes back as JSON. */
function runClient(python: string, request: unknown): Promise<{ result: InteropResult; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(python, [SCRIPT], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new Error(`interop.py exited ${code}:\n${stderr}`));
        return;
      }
      resolve({ result: JSON.parse(stdout) as InteropResult, seconds: (Date.now() - started) / 1000 });
    });
    child.stdin.end(JSON.stringify(request));
  });
}

/**
 * Interoperability with the OASIS TAXII 2.1 client (taxii2-client 2.3.0, `taxii2client.v21`)
 * against the whole system: discovery, API root, collections, Add Objects waiting for the status
 * to complete through the real pipeline, an exact duplicate re-post, and the same over HTTPS
 * with a client certificate in place of the password.
 */
describe('TAXII 2.1 interoperability with taxii2-client', () => {
  const system = new E2eSystem(PORT_BASE);
  let python: string;
  let certificates: TestCertificates;
  let participant: Account;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    // The pinned client in .local/venv, made on first use: CI needs only python3 with venv.
    python = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'python-env.sh')], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop()!;
    certificates = createTestCertificates();
    // E2eSystem passes the test process's environment on to the services: only ingest-gateway reads these.
    const tlsEnv = {
      AIS_TLS_CERT: certificates.server.certPath,
      AIS_TLS_KEY: certificates.server.keyPath,
      AIS_TLS_CLIENT_CA: certificates.caPath,
      INGEST_GATEWAY_TLS_PORT: String(TLS_PORT),
      AIS_SMTP_PORT: String(TLS_PORT + 1),
    };
    for (const [name, value] of Object.entries(tlsEnv)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    await system.start();
    participant = await system.createAccount('participant', {
      sectors: ['energy'],
      city: 'Austin',
      state: 'TX',
      clientCertificateSha256: certificates.clients[0].sha256,
    });
  }, 240_000);

  afterAll(async () => {
    await system.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    certificates?.remove();
  }, 60_000);

  it('discovers, adds objects, waits for completion, and sees a re-post as duplicates, over HTTP Basic and over mTLS', async () => {
    const ind = indicator();
    const mal = malware();
    const rel = relationship(ind.id as string, mal.id as string);
    const overTls = indicator();
    const { result, seconds } = await runClient(python, {
      discovery: system.url('ingest-gateway', '/taxii2/'),
      user: participant.username,
      password: participant.password,
      envelope: { objects: [ind, mal, rel] },
      tls: {
        discovery: `https://127.0.0.1:${TLS_PORT}/taxii2/`,
        cert: certificates.clients[0].certPath,
        key: certificates.clients[0].keyPath,
        ca: certificates.caPath,
        envelope: { objects: [overTls] },
      },
    });
    process.stdout.write(
      `taxii2-client interop: ${seconds.toFixed(1)} s in all; add_objects to complete ${result.add.seconds} s, duplicate ${result.duplicate.seconds} s, mTLS ${result.tls?.add.seconds} s\n`,
    );

    const ingestRoot = system.url('ingest-gateway', '/ingest/');
    expect(result.discovery).toMatchObject({ title: 'AIS Exchange', default: ingestRoot });
    expect(result.discovery.api_roots).toEqual([ingestRoot, system.url('version-publisher', '/federal/')]);
    expect(result.api_root).toEqual({ title: 'AIS Exchange ingest', versions: [TAXII], max_content_length: 720 * 1024 });
    expect(result.collections).toEqual([
      expect.objectContaining({ id: '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41', can_read: false, can_write: true, media_types: ['application/stix+json;version=2.1'] }),
    ]);

    // Failures first: their messages say why, if the pipeline refused an object.
    expect(result.add.status.failures).toEqual([]);
    expect(result.add.status).toMatchObject({ status: 'complete', total_count: 3, success_count: 3, failure_count: 0, pending_count: 0 });
    expect(result.add.status.successes.map((s) => s.id).sort()).toEqual([ind.id, mal.id, rel.id].sort());

    expect(result.duplicate.status).toMatchObject({ status: 'complete', total_count: 3, success_count: 3, failure_count: 0, pending_count: 0 });
    expect(result.duplicate.status.id).not.toBe(result.add.status.id);
    expect(result.duplicate.status.successes.every((s) => s.message === 'duplicate of an accepted version')).toBe(true);

    expect(result.tls).toMatchObject({ title: 'AIS Exchange', api_root_title: 'AIS Exchange ingest' });
    expect(result.tls?.add.status.failures).toEqual([]);
    expect(result.tls?.add.status).toMatchObject({ status: 'complete', total_count: 1, success_count: 1, successes: [{ id: overTls.id }] });
    // The certificate's principal owns that status: readable with its password too.
    const status = await system.taxii('ingest-gateway', `/ingest/status/${result.tls?.add.status.id}`, participant);
    expect(status.status).toBe(200);

    // version-publisher timed each published submission (HTTP and mTLS; the duplicate made none) from its receipt.
    const publications = await waitFor(
      async () => {
        const metrics = await (await fetch(system.url('version-publisher', '/metrics'))).text();
        const count = Number(/^ais_publication_latency_seconds_count(?:\{[^}]*\})? (\d+)$/m.exec(metrics)?.[1] ?? 0);
        return count >= 2 ? count : undefined;
      },
      { timeoutMs: 30_000, description: 'version-publisher observed the publication latency' },
    );
    expect(publications).toBe(2);
  }, 180_000);
});
