import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel } from 'kafkajs';
import { connectionSecurity, levelOfKafkaLog } from './kafka-connection';

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

describe('levelOfKafkaLog', () => {
  const CONCURRENT = 'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing';
  const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({ level, log: { timestamp: '2026-11-29T00:00:00.000Z', message, ...extra } });

  it('logs the retries of CONCURRENT_TRANSACTIONS at debug: the broker is still writing the last commit', () => {
    expect(levelOfKafkaLog(entry(logLevel.ERROR, 'Response AddPartitionsToTxn(key: 24, version: 1)', { error: CONCURRENT, correlationId: 7 }))).toBe('debug');
    expect(levelOfKafkaLog(entry(logLevel.ERROR, `Failed to send messages: ${CONCURRENT}`, { retryCount: 0, retryTime: 5 }))).toBe('debug');
  });

  it('keeps other errors and warnings at their level, and drops the retry-limit notice', () => {
    expect(levelOfKafkaLog(entry(logLevel.ERROR, 'Response Produce(key: 0, version: 7)', { error: 'The server experienced an unexpected error when processing the request' }))).toBe('error');
    expect(levelOfKafkaLog(entry(logLevel.WARN, 'Connection timeout'))).toBe('warn');
    expect(levelOfKafkaLog(entry(logLevel.INFO, 'Starting'))).toBe('debug');
    expect(levelOfKafkaLog(entry(logLevel.WARN, 'Limiting retries for the idempotent producer to Number.MAX_SAFE_INTEGER'))).toBeNull();
  });
});
