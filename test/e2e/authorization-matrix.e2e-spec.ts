import { ROLES } from '@ais/auth';
import { DEVELOPMENT_ADMIN_TOKEN, DEVELOPMENT_MASTER_KEY } from '@ais/config';
import { randomUUID } from 'node:crypto';
import { AnalystSessions, sessionKeyFrom } from '../../apps/review-service/src/ui/analyst-session';
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
      if (entry.allowed === 'public' || entry.auth === 'session') {
        // A session entry is checked in its handler (the UI's own sign-in), so it has no guard either.
        if (route.guarded || route.roles !== undefined) {
          problems.push(`${keyOf(route)}: ${entry.allowed === 'public' ? 'public' : 'session-checked'} in the matrix but guarded in ${route.file}`);
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
  const system = new E2eSystem(19680, { env: { AIS_TEST_CLOCK: '1' } });
  const accounts = new Map<Caller, Account>();
  const principalIds = new Map<Caller, string>();
  // The key the e2e services derive their session key from (no AIS_MASTER_KEY is set: the development one).
  const sessions = new AnalystSessions(sessionKeyFrom(DEVELOPMENT_MASTER_KEY));

  beforeAll(async () => {
    await system.start();
    for (const role of ROLES) {
      accounts.set(role, await system.createAccount(role, role === 'federal-consumer' ? { federalEntity: 'homeland-security' } : {}));
    }
    accounts.set('wrong-password', { username: accounts.get('participant')!.username, password: 'not-the-password' });
    const principals = (await (await fetch(system.url('ingest-gateway', '/admin/principals'), { headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}` } })).json()) as { id: string; username: string }[];
    for (const role of ROLES) {
      principalIds.set(role, principals.find((p) => p.username === accounts.get(role)!.username)!.id);
    }
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  }, 120_000);

  function authorization(caller: Caller): Record<string, string> {
    const account = accounts.get(caller);
    return account === undefined ? {} : { authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}` };
  }

  /** Signs in through the analyst UI's form as a browser would; the session cookie when one is issued. */
  async function signIn(caller: Caller): Promise<{ status: number; session: string | undefined }> {
    const form = await fetch(system.url('review-service', '/analyst/sign-in'), { signal: AbortSignal.timeout(30_000) });
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('ais_analyst_sign_in='))?.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    if (form.status !== 200 || cookie === undefined || token === undefined) {
      throw new Error(`the sign-in form came without its CSRF cookie or token (HTTP ${form.status})`);
    }
    const account = accounts.get(caller);
    const response = await fetch(system.url('review-service', '/analyst/sign-in'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: token, username: account?.username ?? '', password: account?.password ?? '' }).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return { status: response.status, session: response.headers.getSetCookie().find((c) => c.startsWith('ais_analyst_session='))?.split(';')[0] };
  }

  /**
   * A session entry as a browser would use it: sign in (a fresh session each time, as signing out
   * ends it), read the CSRF token from the queue page, then the call. Anonymous callers come
   * without a session. A role the form refuses (403, no session) is also tried with a session
   * signed by the service's key, as if its role had changed after sign-in: the handler's own role
   * check must refuse it too.
   */
  async function callWithSession(entry: EndpointAccess, caller: Caller): Promise<{ status: number; location: string | null }> {
    let cookie = '';
    let csrf = '';
    if (caller !== 'anonymous') {
      const signedIn = await signIn(caller);
      const principalId = principalIds.get(caller);
      if (entry.route === '/analyst/sign-in' || (signedIn.session === undefined && (signedIn.status !== 403 || principalId === undefined))) {
        return { status: signedIn.status, location: null };
      }
      if (signedIn.session === undefined) {
        const minted = sessions.issue(principalId!, Date.now());
        cookie = `ais_analyst_session=${minted}`;
        csrf = sessions.csrfToken(sessions.verify(minted, Date.now())!);
      } else {
        cookie = signedIn.session;
      }
    }
    if (cookie !== '' && csrf === '' && entry.method === 'POST') {
      const queue = await fetch(system.url('review-service', '/analyst/tasks'), { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      csrf = /name="_csrf" value="([^"]+)"/.exec(await queue.text())?.[1] ?? '';
    }
    if (entry.route === '/analyst/sign-in') {
      // Anonymous: the form sent without credentials.
      return { status: (await signIn('anonymous')).status, location: null };
    }
    const response = await fetch(system.url(entry.service, probePathOf(entry, randomUUID)), {
      method: entry.method,
      redirect: 'manual',
      headers: { ...(cookie === '' ? {} : { cookie }), ...(entry.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: entry.method === 'POST' ? new URLSearchParams(csrf === '' ? {} : { _csrf: csrf }).toString() : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
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
      const expected = expectedFor(entry, caller);
      if (entry.auth === 'session') {
        const { status, location } = await callWithSession(entry, caller);
        const toSignIn = (status === 302 || status === 303) && location === '/analyst/sign-in';
        const ok = {
          through: status !== 401 && status !== 403 && status !== 429 && status < 500 && (!toSignIn || entry.endsAtSignIn === true),
          403: status === 403,
          401: status === 401,
          'sign-in-refused': status === 401 || status === 429,
          'to-sign-in': toSignIn,
          refused: toSignIn || status === 401 || status === 403,
        }[expected];
        if (!ok) {
          wrong.push(`${caller}: HTTP ${status}${location === null ? '' : ` to ${location}`}, expected ${expected}`);
        }
        continue;
      }
      const status = await call(entry, caller);
      const ok = expected === 'through' ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) {
        wrong.push(`${caller}: HTTP ${status}, expected ${expected === 'through' ? 'through (not 401/403, no 5xx)' : expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

});
