import { cookieValue } from '@ais/auth';
import { AnalystSessions, SESSION_MAX_AGE_MS, SIGN_IN_MAX_AGE_MS, sessionKeyFrom } from './analyst-session';

const NOW = 1_800_000_000_000;
const PRINCIPAL = '4d6f7a1e-2b3c-4d5e-8f90-a1b2c3d4e5f6';
const key = sessionKeyFrom(Buffer.alloc(32, 3).toString('base64'));

describe('AnalystSessions', () => {
  const sessions = new AnalystSessions(key);

  it('accepts its own cookie until the session expires', () => {
    const cookie = sessions.issue(PRINCIPAL, NOW);
    expect(sessions.verify(cookie, NOW + 1_000)).toMatchObject({ principalId: PRINCIPAL, issuedAt: NOW });
    expect(sessions.verify(cookie, NOW + SESSION_MAX_AGE_MS)).not.toBeNull();
    expect(sessions.verify(cookie, NOW + SESSION_MAX_AGE_MS + 1)).toBeNull();
  });

  it('refuses a missing, tampered, other-key or other-principal cookie', () => {
    const cookie = sessions.issue(PRINCIPAL, NOW);
    expect(sessions.verify(undefined, NOW)).toBeNull();
    expect(sessions.verify(cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), NOW)).toBeNull();
    expect(sessions.verify(cookie.replace(PRINCIPAL, '00000000-0000-4000-8000-000000000000'), NOW)).toBeNull();
    expect(new AnalystSessions(sessionKeyFrom(Buffer.alloc(32, 4).toString('base64'))).verify(cookie, NOW)).toBeNull();
    expect(sessions.verify(`${cookie}.extra`, NOW)).toBeNull();
  });

  it('ends a session on sign-out', () => {
    const cookie = sessions.issue(PRINCIPAL, NOW);
    const session = sessions.verify(cookie, NOW)!;
    sessions.revoke(session, NOW + 10);
    expect(sessions.verify(cookie, NOW + 20)).toBeNull();
    expect(sessions.verify(sessions.issue(PRINCIPAL, NOW), NOW + 20)).not.toBeNull();
  });

  it('binds the forms’ CSRF token to the session', () => {
    const one = sessions.verify(sessions.issue(PRINCIPAL, NOW), NOW)!;
    const other = sessions.verify(sessions.issue(PRINCIPAL, NOW), NOW)!;
    expect(sessions.verifyCsrf(one, sessions.csrfToken(one))).toBe(true);
    expect(sessions.verifyCsrf(one, sessions.csrfToken(other))).toBe(false);
    expect(sessions.verifyCsrf(one, undefined)).toBe(false);
    expect(sessions.verifyCsrf(one, '')).toBe(false);
  });

  it('accepts a fresh sign-in token only with its own cookie', () => {
    const { cookie, token } = sessions.issueSignIn(NOW);
    const other = sessions.issueSignIn(NOW);
    expect(sessions.verifySignIn(token, cookie, NOW + 1_000)).toBe(true);
    expect(sessions.verifySignIn(token, other.cookie, NOW)).toBe(false);
    expect(sessions.verifySignIn(token, undefined, NOW)).toBe(false);
    expect(sessions.verifySignIn(token, cookie, NOW + SIGN_IN_MAX_AGE_MS + 1)).toBe(false);
    // A session's CSRF token is no sign-in token, and the other way round.
    const session = sessions.verify(sessions.issue(PRINCIPAL, NOW), NOW)!;
    expect(sessions.verifyCsrf(session, token)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; ais_analyst_session=abc; b=2', 'ais_analyst_session')).toBe('abc');
    expect(cookieValue('xais_analyst_session=abc', 'ais_analyst_session')).toBeUndefined();
    expect(cookieValue(undefined, 'ais_analyst_session')).toBeUndefined();
  });
});
