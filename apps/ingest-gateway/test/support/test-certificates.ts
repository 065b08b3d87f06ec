import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: Buffer;
  readonly key: Buffer;
  /** `AB:CD:…`, as `openssl x509 -fingerprint -sha256` prints it. */
  readonly sha256: string;
}

export interface TestCertificates {
  readonly dir: string;
  readonly caPath: string;
  readonly ca: Buffer;
  /** The server's certificate, for 127.0.0.1 and localhost, signed by the CA. */
  readonly server: TestCertificate;
  /** Client certificates signed by the CA (verified by the listener). */
  readonly clients: readonly [TestCertificate, TestCertificate];
  /** A self-signed client certificate the listener cannot verify. */
  readonly rogue: TestCertificate;
  remove(): void;
}

function openssl(dir: string, args: string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fingerprintOf(dir: string, certPath: string): string {
  const out = openssl(dir, ['x509', '-noout', '-fingerprint', '-sha256', '-in', certPath]);
  const match = /Fingerprint=([0-9A-F:]+)/i.exec(out);
  if (match?.[1] === undefined) {
    throw new Error('openssl printed no SHA-256 fingerprint');
  }
  return match[1];
}

function load(dir: string, name: string): TestCertificate {
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath), sha256: fingerprintOf(dir, certPath) };
}

function signedBy(dir: string, name: string, subject: string, extensions: string): TestCertificate {
  openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-sha256', '-out', `${name}.crt`, '-extfile', `${name}.ext`]);
  return load(dir, name);
}

/**
 * A throw-away PKI made by the `openssl` CLI in a temporary directory: a CA, a server
 * certificate, two client certificates from the CA and one self-signed. Nothing is committed;
 * `remove()` deletes the directory.
 */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'ais-tls-'));
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=AIS Exchange test CA']);
  const server = signedBy(dir, 'server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  const clientExtensions = 'extendedKeyUsage=clientAuth\n';
  const clients = [signedBy(dir, 'client-1', '/CN=participant one', clientExtensions), signedBy(dir, 'client-2', '/CN=participant two', clientExtensions)] as const;
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'rogue.key', '-out', 'rogue.crt', '-days', '2', '-subj', '/CN=rogue']);
  const rogue = load(dir, 'rogue');
  return {
    dir,
    caPath: join(dir, 'ca.crt'),
    ca: readFileSync(join(dir, 'ca.crt')),
    server,
    clients,
    rogue,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
