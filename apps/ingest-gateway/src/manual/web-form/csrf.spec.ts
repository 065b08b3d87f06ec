import { cookieValue } from '@ais/auth';
import { CsrfTokens } from './csrf';

const key = Buffer.alloc(32, 7);
const NOW = 1_800_000_000_000;

describe('CsrfTokens', () => {
  const tokens = new CsrfTokens(key, 60_000);

  it('accepts a fresh token with its own cookie', () => {
    const { cookie, token } = tokens.issue(NOW);
    expect(tokens.verify(token, cookie, NOW + 1_000)).toBe(true);
  });

  it('refuses a missing, foreign, stale, tampered or other-key token', () => {
    const { cookie, token } = tokens.issue(NOW);
    const other = tokens.issue(NOW);
    expect(tokens.verify(undefined, cookie, NOW)).toBe(false);
    expect(tokens.verify(token, undefined, NOW)).toBe(false);
    expect(tokens.verify(token, other.cookie, NOW)).toBe(false);
    expect(tokens.verify(token, cookie, NOW + 60_001)).toBe(false);
    expect(tokens.verify(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), cookie, NOW)).toBe(false);
    expect(new CsrfTokens(Buffer.alloc(32, 8)).verify(token, cookie, NOW)).toBe(false);
    expect(tokens.verify(`${other.cookie}.${token.split('.').slice(1).join('.')}`, other.cookie, NOW)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; ais_csrf=abc; b=2', 'ais_csrf')).toBe('abc');
    expect(cookieValue('xais_csrf=abc', 'ais_csrf')).toBeUndefined();
    expect(cookieValue(undefined, 'ais_csrf')).toBeUndefined();
  });
});
