import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionSecurity } from './kafka-connection';

describe('connectionSecurity', () => {
  it('leaves the local loopback broker in plaintext', () => {
    expect(connectionSecurity(undefined)).toEqual({});
    expect(connectionSecurity({})).toEqual({});
  });

  it('uses TLS verified against the cluster CA and SCRAM credentials', () => {
    const caFile = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.crt');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const sasl = { mechanism: 'scram-sha-512', username: 'ais-pii-filter', password: 'from-a-secret' } as const;
    expect(connectionSecurity({ sasl, caFile })).toEqual({
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'], rejectUnauthorized: true },
      sasl,
    });
  });

  it('never sends SASL credentials in plaintext: SASL alone still means TLS', () => {
    const sasl = { mechanism: 'scram-sha-256', username: 'u', password: 'p' } as const;
    expect(connectionSecurity({ sasl })).toEqual({ ssl: true, sasl });
  });
});
