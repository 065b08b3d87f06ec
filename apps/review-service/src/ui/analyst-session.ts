import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { tokensEqual } from '@ais/auth';

export const SESSION_COOKIE = 'ais_analyst_session';
export const SIGN_IN_COOKIE = 'ais_analyst_sign_in';
export const CSRF_FIELD = '_csrf';
/** A session ends this long after sign-in, whatever the analyst does. */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;
/** A sign-in form older than this must be reloaded. */
export const SIGN_IN_MAX_AGE_MS = 30 * 60 * 1000;

/** The UI's signing key, derived from the master key: every replica agrees, no new secret. */
export function sessionKeyFrom(masterKeyBase64: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(masterKeyBase64, 'base64'), Buffer.alloc(0), 'ais-exchange analyst-ui session v1', 32));
}

/** A signed-in analyst as the cookie carries it: who, since when, and the session's nonce. */
export interface AnalystSession {
  readonly principalId: string;
  readonly issuedAt: number;
  readonly nonce: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Stateless sessions for the analyst UI: the cookie holds `principal id . issued . nonce . HMAC`
 * (no personal data, nothing secret), so any replica can check it and a restart signs no one out.
 * The principal is read again on every request, so a changed role or a removed account takes
 * effect at once. Sign-out clears the cookie and remembers the nonce until the session would
 * have expired anyway (per process; the cookie is gone from the browser in any case).
 *
 * CSRF: forms carry a token derived from the session's nonce (synchronizer token without state);
 * the sign-in form, before any session, uses a signed double-submit cookie.
 */
export class AnalystSessions {
  private readonly revoked = new Map<string, number>();

  constructor(
    private readonly key: Buffer,
    private readonly maxAgeMs = SESSION_MAX_AGE_MS,
  ) {}

  issue(principalId: string, now: number, nonce = randomBytes(18).toString('base64url')): string {
    const payload = `${principalId}.${now.toString(36)}.${nonce}`;
    return `${payload}.${this.sign('session', payload)}`;
  }

  /** The session a cookie proves, or null when it is missing, forged, expired or signed out. */
  verify(cookie: string | undefined, now: number): AnalystSession | null {
    if (cookie === undefined || cookie.length > 300) {
      return null;
    }
    const [principalId, issued, nonce, signature, ...rest] = cookie.split('.');
    if (principalId === undefined || issued === undefined || nonce === undefined || signature === undefined || rest.length > 0) {
      return null;
    }
    if (!UUID.test(principalId) || !NONCE.test(nonce) || !tokensEqual(signature, this.sign('session', `${principalId}.${issued}.${nonce}`))) {
      return null;
    }
    const issuedAt = Number.parseInt(issued, 36);
    if (!Number.isFinite(issuedAt) || issuedAt > now + 60_000 || now - issuedAt > this.maxAgeMs || this.revoked.has(nonce)) {
      return null;
    }
    return { principalId, issuedAt, nonce };
  }

  revoke(session: AnalystSession, now: number): void {
    for (const [nonce, until] of this.revoked) {
      if (until < now) {
        this.revoked.delete(nonce);
      }
    }
    this.revoked.set(session.nonce, session.issuedAt + this.maxAgeMs);
  }

  /** The token the session's forms carry. */
  csrfToken(session: AnalystSession): string {
    return this.sign('csrf', session.nonce);
  }

  verifyCsrf(session: AnalystSession, token: unknown): boolean {
    return typeof token === 'string' && token.length < 100 && tokensEqual(token, this.csrfToken(session));
  }

  /** The sign-in form's pair: a random nonce for the cookie, the signed token for the form. */
  issueSignIn(now: number, nonce = randomBytes(18).toString('base64url')): { readonly cookie: string; readonly token: string } {
    const payload = `${nonce}.${now.toString(36)}`;
    return { cookie: nonce, token: `${payload}.${this.sign('sign-in', payload)}` };
  }

  verifySignIn(token: unknown, cookie: string | undefined, now: number): boolean {
    if (typeof token !== 'string' || cookie === undefined || token.length > 200) {
      return false;
    }
    const [nonce, issued, signature, ...rest] = token.split('.');
    if (nonce === undefined || issued === undefined || signature === undefined || rest.length > 0) {
      return false;
    }
    if (!tokensEqual(signature, this.sign('sign-in', `${nonce}.${issued}`)) || !tokensEqual(nonce, cookie)) {
      return false;
    }
    const issuedAt = Number.parseInt(issued, 36);
    return Number.isFinite(issuedAt) && issuedAt <= now + 60_000 && now - issuedAt <= SIGN_IN_MAX_AGE_MS;
  }

  private sign(purpose: string, payload: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${payload}`).digest('base64url');
  }
}
