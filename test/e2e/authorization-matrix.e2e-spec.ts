import { ROLES } from '@ais/auth';
import { randomUUID } from 'node:crypto';
import { AUTHORIZATION_MATRIX, CALLERS, expectedFor, probePathOf, type Caller, type EndpointAccess } from './support/authorization-matrix';
import { declaredRoutes } from './support/declared-routes';
import { E2eSystem, type Account } from './support/e2e-system';
import { openWebForm } from './support/web-form-session';

const TAXII = 'application/taxii+json;version=2.1';
const keyOf = (r: { service: string; method: string; route: string }) => `${r.service} ${r.method} ${r.route}`;

/**
 * Every endpoint of every service against the authorization matrix (support/authorization-matrix.ts,
 * docs/security.md): first that the matrix covers exactly the routes the controllers declare, then,
 * on a running system, every role, an anonymous caller and a wrong password against every endpoint.
 */
describe('authorization matrix: the routes the controllers declare', () => {
  const declared = declaredRoutes();
  const matrix = new Map(AUTHORIZATION_MATRIX.map((entry) => [keyOf(entry), entry]));

  it('finds the routes (a control: the scan sees the controllers)', () => {
    expect(declared.length).toBeGreaterThan(50);
    expect(declared.map(keyOf)).toEqual(expect.arrayContaining(['ingest-gateway POST /ingest/collections/:collectionId/objects', 'audit-projector GET /health']));
  });

  it('has an entry for every declared route, and no entry without a route', () => {
    const declaredKeys = new Set(declared.map(keyOf));
    expect(declared.filter((route) => !matrix.has(keyOf(route))).map((route) => `${keyOf(route)} (${route.file})`)).toEqual([]);
    expect(AUTHORIZATION_MATRIX.map(keyOf).filter((key) => !declaredKeys.has(key))).toEqual([]);
    expect(AUTHORIZATION_MATRIX.length).toBe(matrix.size);
  });

  it('matches each route’s guard and roles: public only without a guard, otherwise the declared roles or fewer with a reason', () => {
    const problems: string[] = [];
    for (const route of declared) {
      const entry = matrix.get(keyOf(route));
      if (entry === undefined) {
        continue;
      }
      if (entry.allowed === 'public') {
        if (route.guarded || route.roles !== undefined) {
          problems.push(`${keyOf(route)}: public in the matrix but guarded in ${route.file}`);
        }
        continue;
      }
      if (!route.guarded || route.roles === undefined || route.roles.length === 0) {
        problems.push(`${keyOf(route)}: no AuthGuard with @Roles in ${route.file}`);
        continue;
      }
      const beyond = entry.allowed.filter((role) => !route.roles!.includes(role));
      if (beyond.length > 0) {
        problems.push(`${keyOf(route)}: the matrix allows ${beyond.join(', ')}, which @Roles does not`);
      }
      const narrowed = route.roles.length !== entry.allowed.length;
      if (narrowed !== (entry.why !== undefined)) {
        problems.push(`${keyOf(route)}: ${narrowed ? 'narrower than @Roles without a reason (why)' : 'a reason (why) but the same roles as @Roles'}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('authorization matrix on a running system', () => {
  // The test clock is mounted, as in every e2e run that needs it, so its endpoints are checked too.
  const system = new E2eSystem(19480, { env: { AIS_TEST_CLOCK: '1' } });
  const accounts = new Map<Caller, Account>();

  beforeAll(async () => {
    await system.start();
    for (const role of ROLES) {
      accounts.set(role, await system.createAccount(role, role === 'federal-consumer' ? { federalEntity: 'homeland-security' } : {}));
    }
    accounts.set('wrong-password', { username: accounts.get('participant')!.username, password: 'not-the-password' });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  }, 120_000);

  function authorization(caller: Caller): Record<string, string> {
    const account = accounts.get(caller);
    return account === undefined ? {} : { authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}` };
  }

  async function call(entry: EndpointAccess, caller: Caller): Promise<number> {
    const url = system.url(entry.service, probePathOf(entry, randomUUID));
    if (entry.call === 'web-form') {
      // The form's own CSRF check answers 403 to a bare POST: come as a visitor of the form, with no fields (422).
      const form = await openWebForm(system.url(entry.service, '/submit'));
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...authorization(caller), 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.token }).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    }
    const method = entry.method === 'ALL' ? 'GET' : entry.method;
    const taxii = /^\/(ingest|taxii2|federal)(\/|$)/.test(entry.route);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { ...authorization(caller), accept: taxii ? TAXII : 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: method === 'POST' ? '{}' : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it.each(AUTHORIZATION_MATRIX.map((entry) => [keyOf(entry), entry] as const))('%s', async (_key, entry) => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const status = await call(entry, caller);
      const expected = expectedFor(entry, caller);
      const ok = expected === 'through' ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) {
        wrong.push(`${caller}: HTTP ${status}, expected ${expected === 'through' ? 'through (not 401/403, no 5xx)' : expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

});
