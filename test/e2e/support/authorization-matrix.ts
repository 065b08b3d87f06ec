import { ROLES, type Role } from '@ais/auth';
import type { ServiceName } from '@ais/config';

/**
 * Who may use which HTTP endpoint: the one table the authorization tests check and docs/security.md
 * describes. test/e2e/authorization-matrix.e2e-spec.ts
 * - finds every route the controllers declare (by their Nest decorators) and fails on a route
 *   without an entry here, or an entry without a route;
 * - checks each entry against the route's `@Roles` (allowed ⊆ declared; narrower only with `why`);
 * - calls every entry as every role, anonymously and with a wrong password on a running system.
 *
 * A new endpoint gets an entry here (and a row in docs/security.md) in the same change.
 */

export type Caller = Role | 'anonymous' | 'wrong-password';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous', 'wrong-password'];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL';

export interface EndpointAccess {
  readonly service: ServiceName;
  readonly method: HttpMethod;
  /** The route as the controller declares it, with `:params` (and `{*path}` for a catch-all). */
  readonly route: string;
  /** Who gets through: these roles (everyone else 403, no or wrong credentials 401), or no login at all. */
  readonly allowed: readonly Role[] | 'public';
  /** Why fewer roles get through than the route's `@Roles` lets past the guard (a rule in the handler). */
  readonly why?: string;
  /** The path the test calls when it differs from the route with each `:param` as a fresh UUID. */
  readonly probe?: string;
  /** How the test calls it when a plain call with an empty JSON body does not reach the handler. */
  readonly call?: 'web-form';
  /**
   * `session`: the analyst UI's pages and forms, which take no HTTP credentials and have no guard:
   * the caller signs in through the UI's sign-in form, and the handler checks the signed session
   * cookie, the principal's role and (for a POST) the session's CSRF token. See `expectedFor`.
   */
  readonly auth?: 'session';
  /** A session entry whose success ends on the sign-in page (signing out). */
  readonly endsAtSignIn?: true;
}

/** The ingest collection: submissions go there; other ids are unknown (404). */
export const INGEST_COLLECTION_ID = '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41';

const ALL_SERVICES: readonly ServiceName[] = [
  'ingest-gateway',
  'schema-validator',
  'submitter-anonymizer',
  'pii-filter',
  'review-service',
  'version-publisher',
  'audit-projector',
];

/** Health and metrics: unauthenticated on every service (scrapers and orchestrators), and they hold no values. */
const OPERATIONS: EndpointAccess[] = ALL_SERVICES.flatMap((service) => [
  { service, method: 'GET', route: '/health', allowed: 'public' },
  { service, method: 'GET', route: '/health/live', allowed: 'public' },
  { service, method: 'GET', route: '/metrics', allowed: 'public' },
]);

const TAXII_READERS: readonly Role[] = ['participant', 'federal-consumer', 'admin'];
const WRITE_ONLY = 'the ingest collection is write-only (can_read false): every read and DELETE is 403 for everyone';

/** The analyst UI's session pages and forms: analysts only (§2.3.2.2). */
const ANALYST_UI: EndpointAccess[] = [
  { method: 'POST', route: '/analyst/sign-in' },
  { method: 'POST', route: '/analyst/sign-out', endsAtSignIn: true as const },
  { method: 'GET', route: '/analyst/tasks' },
  { method: 'GET', route: '/analyst/tasks/:id' },
  { method: 'POST', route: '/analyst/tasks/:id/claim' },
  { method: 'POST', route: '/analyst/tasks/:id/decision' },
  { method: 'POST', route: '/analyst/tasks/:id/accept' },
  { method: 'POST', route: '/analyst/tasks/:id/reject' },
].map((entry) => ({ ...entry, service: 'review-service' as const, method: entry.method as HttpMethod, allowed: ['analyst'] as const, auth: 'session' as const }));

export const AUTHORIZATION_MATRIX: readonly EndpointAccess[] = [
  ...OPERATIONS,

  // ingest-gateway: TAXII discovery and the ingest API root
  { service: 'ingest-gateway', method: 'GET', route: '/taxii2', allowed: TAXII_READERS },
  { service: 'ingest-gateway', method: 'ALL', route: '/taxii2/{*path}', probe: '/taxii2/no-such-resource', allowed: TAXII_READERS },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest', allowed: TAXII_READERS },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest/collections', allowed: TAXII_READERS },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest/collections/:collectionId', probe: `/ingest/collections/${INGEST_COLLECTION_ID}`, allowed: TAXII_READERS },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest/collections/:collectionId/objects', probe: `/ingest/collections/${INGEST_COLLECTION_ID}/objects`, allowed: [], why: WRITE_ONLY },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest/collections/:collectionId/manifest', probe: `/ingest/collections/${INGEST_COLLECTION_ID}/manifest`, allowed: [], why: WRITE_ONLY },
  {
    service: 'ingest-gateway',
    method: 'GET',
    route: '/ingest/collections/:collectionId/objects/:objectId',
    probe: `/ingest/collections/${INGEST_COLLECTION_ID}/objects/indicator--00000000-0000-4000-8000-000000000000`,
    allowed: [],
    why: WRITE_ONLY,
  },
  {
    service: 'ingest-gateway',
    method: 'GET',
    route: '/ingest/collections/:collectionId/objects/:objectId/versions',
    probe: `/ingest/collections/${INGEST_COLLECTION_ID}/objects/indicator--00000000-0000-4000-8000-000000000000/versions`,
    allowed: [],
    why: WRITE_ONLY,
  },
  {
    service: 'ingest-gateway',
    method: 'DELETE',
    route: '/ingest/collections/:collectionId/objects/:objectId',
    probe: `/ingest/collections/${INGEST_COLLECTION_ID}/objects/indicator--00000000-0000-4000-8000-000000000000`,
    allowed: [],
    why: WRITE_ONLY,
  },
  {
    service: 'ingest-gateway',
    method: 'POST',
    route: '/ingest/collections/:collectionId/objects',
    probe: `/ingest/collections/${INGEST_COLLECTION_ID}/objects`,
    allowed: ['participant', 'admin'],
    why: 'federal consumers see the collection with can_write false: a POST is 403',
  },
  { service: 'ingest-gateway', method: 'GET', route: '/ingest/status/:statusId', allowed: ['participant', 'admin'] },
  { service: 'ingest-gateway', method: 'ALL', route: '/ingest/{*path}', probe: '/ingest/no-such-resource', allowed: TAXII_READERS },

  // ingest-gateway: administration and the public web form
  { service: 'ingest-gateway', method: 'GET', route: '/admin/principals', allowed: ['admin'] },
  { service: 'ingest-gateway', method: 'POST', route: '/admin/principals', allowed: ['admin'] },
  { service: 'ingest-gateway', method: 'GET', route: '/submit', allowed: 'public' },
  { service: 'ingest-gateway', method: 'GET', route: '/submit/thanks', allowed: 'public' },
  { service: 'ingest-gateway', method: 'POST', route: '/submit', allowed: 'public', call: 'web-form' },

  // schema-validator: the AIS Profile and its change control (§5), the test clock
  { service: 'schema-validator', method: 'GET', route: '/profile/versions', allowed: [...ROLES] },
  { service: 'schema-validator', method: 'GET', route: '/profile/versions/current', allowed: [...ROLES] },
  { service: 'schema-validator', method: 'GET', route: '/profile/versions/:version', probe: '/profile/versions/1', allowed: [...ROLES] },
  { service: 'schema-validator', method: 'GET', route: '/profile/proposals', allowed: ['federal-consumer', 'admin', 'auditor'] },
  { service: 'schema-validator', method: 'GET', route: '/profile/proposals/:proposalId', allowed: ['federal-consumer', 'admin', 'auditor'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/proposals', allowed: ['federal-consumer', 'admin'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/proposals/:proposalId/objections', allowed: ['federal-consumer', 'admin'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/proposals/:proposalId/comments', allowed: ['federal-consumer', 'admin'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/proposals/:proposalId/escalation', allowed: ['federal-consumer', 'admin'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/proposals/:proposalId/resolution', allowed: ['federal-consumer', 'admin'] },
  { service: 'schema-validator', method: 'POST', route: '/profile/emergency-changes', allowed: ['federal-consumer', 'admin'] },
  // Mounted only with AIS_TEST_CLOCK=1 (tests); absent (404) in a real deployment.
  { service: 'schema-validator', method: 'GET', route: '/test/clock', allowed: ['admin'] },
  { service: 'schema-validator', method: 'POST', route: '/test/clock/advance', allowed: ['admin'] },

  // submitter-anonymizer: contact requests (§2.3.1.3)
  { service: 'submitter-anonymizer', method: 'GET', route: '/contact-requests', allowed: ['participant', 'federal-consumer'] },
  { service: 'submitter-anonymizer', method: 'POST', route: '/contact-requests', allowed: ['federal-consumer'] },
  { service: 'submitter-anonymizer', method: 'POST', route: '/contact-requests/:id/grant', allowed: ['participant'] },
  { service: 'submitter-anonymizer', method: 'POST', route: '/contact-requests/:id/deny', allowed: ['participant'] },
  { service: 'submitter-anonymizer', method: 'GET', route: '/contact-requests/:id/identity', allowed: ['federal-consumer'] },

  // review-service: triage and the held-field review (§2.3.2)
  { service: 'review-service', method: 'GET', route: '/review/tasks', allowed: ['analyst', 'admin'] },
  { service: 'review-service', method: 'GET', route: '/review/tasks/:id', allowed: ['analyst'] },
  { service: 'review-service', method: 'POST', route: '/review/tasks/:id/claim', allowed: ['analyst', 'admin'] },
  { service: 'review-service', method: 'POST', route: '/review/tasks/:id/accept', allowed: ['analyst', 'admin'] },
  { service: 'review-service', method: 'POST', route: '/review/tasks/:id/reject', allowed: ['analyst', 'admin'] },
  { service: 'review-service', method: 'POST', route: '/review/tasks/:id/decision', allowed: ['analyst'] },

  // review-service: notices of personal information in published objects (§4.1)
  { service: 'review-service', method: 'POST', route: '/review/notices', allowed: ['federal-consumer'] },
  { service: 'review-service', method: 'GET', route: '/review/notices', allowed: ['analyst', 'admin'] },
  { service: 'review-service', method: 'GET', route: '/review/notices/:id', allowed: ['analyst'] },
  { service: 'review-service', method: 'POST', route: '/review/notices/:id/decision', allowed: ['analyst'] },

  // review-service: the analyst web UI (signed session cookie from its sign-in form, not HTTP credentials)
  // `/analyst` only redirects to the queue, and the sign-in form is for everyone.
  { service: 'review-service', method: 'GET', route: '/analyst', allowed: 'public' },
  { service: 'review-service', method: 'GET', route: '/analyst/sign-in', allowed: 'public' },
  ...ANALYST_UI,

  // version-publisher: the federal TAXII API root
  { service: 'version-publisher', method: 'GET', route: '/federal', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections/:collectionId', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections/:collectionId/objects', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections/:collectionId/manifest', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections/:collectionId/objects/:objectId', allowed: ['federal-consumer', 'admin'] },
  { service: 'version-publisher', method: 'GET', route: '/federal/collections/:collectionId/objects/:objectId/versions', allowed: ['federal-consumer', 'admin'] },

  // audit-projector: the auditor API and dashboard (§4)
  { service: 'audit-projector', method: 'GET', route: '/audit/counts', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/counts/:metric', probe: '/audit/counts/indicators-received', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/classification', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/federal-entities', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/usage', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/usage/verify', allowed: ['auditor', 'admin'] },
  { service: 'audit-projector', method: 'GET', route: '/audit/dashboard', allowed: ['auditor', 'admin'] },
];

/**
 * What a caller should get from an entry: through (any status but 401/403), 401 or 403. A session
 * entry (the analyst UI): an allowed role signs in and gets through; another role is refused with
 * the 403 page; a wrong password is refused at sign-in (`sign-in-refused`: 401, or 429 once rate
 * limited); an anonymous caller is sent to sign in (`to-sign-in`: 302/303 to /analyst/sign-in) on a
 * GET, and refused (`refused`: that redirect, 401 or 403) on a POST.
 */
export function expectedFor(entry: EndpointAccess, caller: Caller): 'through' | 401 | 403 | 'sign-in-refused' | 'to-sign-in' | 'refused' {
  if (entry.allowed === 'public') {
    return 'through';
  }
  if (entry.auth === 'session') {
    if (caller === 'wrong-password') {
      return 'sign-in-refused';
    }
    if (caller === 'anonymous') {
      return entry.method === 'GET' ? 'to-sign-in' : 'refused';
    }
    return entry.allowed.includes(caller) ? 'through' : 403;
  }
  if (caller === 'anonymous' || caller === 'wrong-password') {
    return 401;
  }
  return entry.allowed.includes(caller) ? 'through' : 403;
}

/** The path called for an entry: its probe, else the route with a fresh UUID for each parameter. */
export function probePathOf(entry: EndpointAccess, uuid: () => string): string {
  return entry.probe ?? entry.route.replace(/:[A-Za-z]+/g, () => uuid());
}
