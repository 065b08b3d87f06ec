import { isBase64 } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { isPaddedBase64 } from './padded-base64';

describe('isPaddedBase64', () => {
  const encoded = [0, 1, 2, 3, 4, 5, 16, 31, 1000].map((size) => randomBytes(size).toString('base64'));

  it('accepts what the base64 encoder writes, as isBase64 does', () => {
    for (const value of encoded) {
      expect({ value, quick: isPaddedBase64(value), full: isBase64(value) }).toEqual({ value, quick: true, full: true });
    }
  });

  it('refuses stray characters, bad lengths and misplaced padding, as isBase64 does', () => {
    const refused = ['A', 'AB', 'ABC', 'AB=C', '=ABC', '==AB', 'A===', '====', 'AB C', 'AB-_', 'ABCD\n', 'ÀBCD', 'ABC=ABCD', 'AB==ABCD'];
    for (const value of refused) {
      expect({ value, quick: isPaddedBase64(value), full: isBase64(value) }).toEqual({ value, quick: false, full: false });
    }
  });

  it('never accepts what isBase64 refuses: 20,000 strings of base64 characters and a few others', () => {
    const alphabet = 'AB+/=z9-_ .\u00e9';
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = randomBytes(1 + (i % 12));
      const value = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
      const quick = isPaddedBase64(value);
      accepted += quick ? 1 : 0;
      if (quick !== isBase64(value)) {
        throw new Error(`isPaddedBase64 and isBase64 differ on ${JSON.stringify(value)}`);
      }
    }
    // Enough of the strings must be valid base64 for this test to prove anything.
    expect(accepted).toBeGreaterThan(100);
  });
});
