import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { tokensEqual } from '@ais/auth';

export const CSRF_COOKIE = 'ais_csrf';
export const CSRF_FIELD = '_csrf';
/** A form older than this must be reloaded (the page says so). */
export const CSRF_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/** The form's signing key, derived from the master key: every replica agrees, no new secret. */
export function csrfKeyFrom(masterKeyBase64: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(masterKeyBase64, 'base64'), Buffer.alloc(0), 'ais-exchange web-form csrf v1', 32));
}

/**
 * Signed double-submit tokens: the cookie holds a random nonce, the hidden field holds the nonce,
 * the time it was issued and an HMAC over both. A POST passes when the HMAC is ours, the token is
 * fresh, and its nonce is the cookie's — a page on another origin can neither read the cookie nor
 * forge the signature.
 */
export class CsrfTokens {
  constructor(
    private readonly key: Buffer,
    private readonly maxAgeMs = CSRF_MAX_AGE_MS,
  ) {}

  issue(now: number, nonce = randomBytes(18).toString('base64url')): { readonly cookie: string; readonly token: string } {
    const payload = `${nonce}.${now.toString(36)}`;
    return { cookie: nonce, token: `${payload}.${this.sign(payload)}` };
  }

  verify(token: unknown, cookie: string | undefined, now: number): boolean {
    if (typeof token !== 'string' || cookie === undefined || token.length > 200) {
      return false;
    }
    const [nonce, issued, signature, ...rest] = token.split('.');
    if (nonce === undefined || issued === undefined || signature === undefined || rest.length > 0) {
      return false;
    }
    if (!tokensEqual(signature, this.sign(`${nonce}.${issued}`)) || !tokensEqual(nonce, cookie)) {
      return false;
    }
    const issuedAt = Number.parseInt(issued, 36);
    return Number.isFinite(issuedAt) && issuedAt <= now + 60_000 && now - issuedAt <= this.maxAgeMs;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
