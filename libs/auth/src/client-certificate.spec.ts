import { Socket } from 'node:net';
import { normaliseCertificateFingerprint, verifiedClientCertificateSha256 } from './client-certificate';

const HEX = 'a1'.repeat(32);

describe('client certificate fingerprints', () => {
  it('stores one form: 64 lowercase hex digits, from hex or the colon form openssl prints', () => {
    expect(normaliseCertificateFingerprint(HEX.toUpperCase())).toBe(HEX);
    expect(normaliseCertificateFingerprint(Array(32).fill('A1').join(':'))).toBe(HEX);
    expect(normaliseCertificateFingerprint(` ${HEX} `)).toBe(HEX);
  });

  it.each([['too short', 'a1'.repeat(31)], ['not hex', 'g1'.repeat(32)], ['misplaced colons', `${'a1a1:'.repeat(16)}`], ['empty', '']])(
    'refuses %s',
    (_label, value) => {
      expect(normaliseCertificateFingerprint(value)).toBeNull();
    },
  );

  it('maps nothing on a plain TCP connection', () => {
    expect(verifiedClientCertificateSha256(new Socket())).toBeNull();
    expect(verifiedClientCertificateSha256(undefined)).toBeNull();
  });
});
