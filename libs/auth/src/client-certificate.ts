import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * A SHA-256 certificate fingerprint in the one form the identity schema stores: 64 lowercase hex
 * digits. Accepts that form or the colon-separated one that `openssl x509 -fingerprint -sha256`
 * and Node print (`AB:CD:…`); null for anything else.
 */
export function normaliseCertificateFingerprint(value: string): string | null {
  const hex = value.trim().replace(/:/g, '').toLowerCase();
  return HEX_64.test(hex) && (!value.includes(':') || /^([0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2}$/.test(value.trim())) ? hex : null;
}

/**
 * The SHA-256 fingerprint of the client certificate on a TLS connection, only when the TLS
 * handshake verified it against the configured client CAs; null on plain HTTP, without a
 * certificate, or when verification failed (the listener asks with `rejectUnauthorized: false`,
 * so such callers fall back to Basic authentication).
 */
export function verifiedClientCertificateSha256(socket: Socket | undefined): string | null {
  if (!(socket instanceof TLSSocket) || !socket.authorized) {
    return null;
  }
  const certificate = socket.getPeerCertificate();
  const fingerprint = (certificate as { fingerprint256?: unknown }).fingerprint256;
  return typeof fingerprint === 'string' ? normaliseCertificateFingerprint(fingerprint) : null;
}
