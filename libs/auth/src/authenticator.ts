import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { verifyPassword } from './password-hash';
import { PrincipalRepository } from './principal.repository';
import type { Principal } from './roles';

export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

/** Successful logins are remembered briefly: scrypt per request would cap TAXII throughput. */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;

const BOOTSTRAP_ADMIN: Principal = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'bootstrap-admin',
  role: 'admin',
  organisation: 'AIS Exchange',
  sectors: [],
  city: null,
  state: null,
  country: 'US',
  defaultConsent: 'none',
  federalEntity: null,
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Turns credentials into a principal: a verified TLS client certificate (by its SHA-256
 * fingerprint), HTTP Basic, or the bootstrap admin's bearer token.
 */
@Injectable()
export class Authenticator {
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();
  /** Checks under way, by credentials: callers that arrive meanwhile share one scrypt. */
  private readonly checking = new Map<string, Promise<Principal | null>>();
  private readonly adminTokenDigest: Buffer;

  constructor(
    private readonly principals: PrincipalRepository,
    @Inject(ADMIN_TOKEN) adminToken: string,
  ) {
    this.adminTokenDigest = digest(adminToken);
  }

  /** The principal registered for a verified client certificate's SHA-256 fingerprint, if any. */
  async authenticateCertificate(sha256: string, now = Date.now()): Promise<Principal | null> {
    const cacheKey = `cert:${sha256}`;
    const cached = this.verified.get(cacheKey);
    if (cached !== undefined && cached.expiresAt > now) {
      return cached.principal;
    }
    const principal = await this.principals.findByCertificate(sha256);
    if (principal !== null) {
      this.remember(cacheKey, principal, now);
    }
    return principal;
  }

  async authenticate(authorization: string | undefined, now = Date.now()): Promise<Principal | null> {
    if (authorization === undefined) {
      return null;
    }
    const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
    if (credentials === undefined) {
      return null;
    }
    if (scheme?.toLowerCase() === 'bearer') {
      return timingSafeEqual(digest(credentials), this.adminTokenDigest) ? BOOTSTRAP_ADMIN : null;
    }
    if (scheme?.toLowerCase() !== 'basic') {
      return null;
    }
    const cacheKey = digest(authorization).toString('base64');
    const cached = this.verified.get(cacheKey);
    if (cached !== undefined && cached.expiresAt > now) {
      return cached.principal;
    }
    // Without this, the requests that arrive while a login's scrypt runs (or when its cache
    // entry has just expired) would each run their own: 64 clients, 64 × 50 ms of CPU at once.
    const pending = this.checking.get(cacheKey);
    if (pending !== undefined) {
      return pending;
    }
    const check = this.checkBasic(credentials, cacheKey, now).finally(() => this.checking.delete(cacheKey));
    this.checking.set(cacheKey, check);
    return check;
  }

  private async checkBasic(credentials: string, cacheKey: string, now: number): Promise<Principal | null> {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    const found = await this.principals.findForLogin(decoded.slice(0, colon));
    if (found === null || !(await verifyPassword(decoded.slice(colon + 1), found.passwordHash))) {
      return null;
    }
    this.remember(cacheKey, found.principal, now);
    return found.principal;
  }

  private remember(cacheKey: string, principal: Principal, now: number): void {
    if (this.verified.size >= CACHE_MAX) {
      this.verified.clear();
    }
    this.verified.set(cacheKey, { principal, expiresAt: now + CACHE_TTL_MS });
  }
}
