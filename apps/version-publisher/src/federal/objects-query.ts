import { isUtcTimestamp } from '@ais/contracts';
import { decodeCursor, parseTaxiiTimestamp, type PagingPosition } from '@ais/taxii';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Values one `match[...]` filter may list: enough for any client, bounded for the database. */
export const MAX_MATCH_VALUES = 1000;

/** `match[version]`: any of first, last, all, or version timestamps (TAXII 2.1 §3.4.2.3). */
export interface VersionSelection {
  readonly all: boolean;
  readonly first: boolean;
  readonly last: boolean;
  /** STIX timestamps as the client gave them (compared as instants). */
  readonly timestamps: readonly string[];
}

/** A parsed objects, manifest or versions query; `null` lists mean "no filter". */
export interface ObjectsQuery {
  /** `added_after`, normalised to microseconds; strictly after. */
  readonly addedAfter: string | null;
  readonly limit: number;
  /** Where the previous page ended (`next`). */
  readonly after: PagingPosition | null;
  readonly ids: readonly string[] | null;
  readonly types: readonly string[] | null;
  readonly versions: VersionSelection;
  readonly specVersions: readonly string[] | null;
}

export type ObjectsQueryResult = { readonly ok: true; readonly query: ObjectsQuery } | { readonly ok: false; readonly reason: string };

/**
 * Which filters an endpoint takes: the collection's objects and manifest take every filter; one
 * object's endpoint takes no `match[id]`/`match[type]`; its versions endpoint no `match[version]`.
 */
export type QueryScope = 'collection' | 'object' | 'object-versions';

const ALLOWED_MATCH: Record<QueryScope, readonly string[]> = {
  collection: ['id', 'type', 'version', 'spec_version'],
  object: ['version', 'spec_version'],
  'object-versions': ['spec_version'],
};

const SINGLE_VALUED = ['added_after', 'limit', 'next'] as const;
const MATCH = /^match\[([a-z_]+)\]$/;
const LIMIT = /^[0-9]{1,9}$/;

const LAST_ONLY: VersionSelection = { all: false, first: false, last: true, timestamps: [] };

/**
 * Parses the query string of a TAXII GET. Pure: it takes the decoded `(name, value)` pairs in
 * order (repeated `match[...]` values add up, as if comma-joined). Unknown parameters and filters
 * the endpoint does not take are ignored; bad values are refused with a reason that names the
 * parameter and the rule, never the value.
 */
export function parseObjectsQuery(parameters: Iterable<readonly [string, string]>, scope: QueryScope): ObjectsQueryResult {
  const single = new Map<string, string>();
  const match = new Map<string, string[]>();
  for (const [name, value] of parameters) {
    if ((SINGLE_VALUED as readonly string[]).includes(name)) {
      if (single.has(name)) {
        return fail(`${name} may be given once`);
      }
      single.set(name, value);
      continue;
    }
    const field = MATCH.exec(name)?.[1];
    if (field === undefined || !ALLOWED_MATCH[scope].includes(field)) {
      continue;
    }
    const values = value.split(',').map((part) => part.trim());
    if (values.some((part) => part === '')) {
      return fail(`match[${field}] must be a comma-separated list of non-empty values`);
    }
    match.set(field, [...(match.get(field) ?? []), ...values]);
    if ((match.get(field)?.length ?? 0) > MAX_MATCH_VALUES) {
      return fail(`match[${field}] may list at most ${MAX_MATCH_VALUES} values`);
    }
  }

  let limit = DEFAULT_LIMIT;
  const rawLimit = single.get('limit');
  if (rawLimit !== undefined) {
    if (!LIMIT.test(rawLimit) || Number(rawLimit) < 1) {
      return fail(`limit must be a positive integer (at most ${MAX_LIMIT} are returned)`);
    }
    // TAXII 2.1 §3.4.1: a server may return fewer objects than asked for.
    limit = Math.min(Number(rawLimit), MAX_LIMIT);
  }

  let addedAfter: string | null = null;
  const rawAddedAfter = single.get('added_after');
  if (rawAddedAfter !== undefined) {
    addedAfter = parseTaxiiTimestamp(rawAddedAfter);
    if (addedAfter === null) {
      return fail('added_after must be an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.ssssss]Z)');
    }
  }

  let after: PagingPosition | null = null;
  const rawNext = single.get('next');
  if (rawNext !== undefined) {
    after = decodeCursor(rawNext);
    // A forged cursor must not reach the database as an impossible date or an overlong number.
    if (after === null) {
      return fail('next must be a value this server returned');
    }
  }

  let versions = LAST_ONLY;
  const rawVersions = match.get('version');
  if (rawVersions !== undefined) {
    const parsed = parseVersions(rawVersions);
    if (parsed === null) {
      return fail('match[version] values must be first, last, all or STIX timestamps');
    }
    versions = parsed;
  }

  return {
    ok: true,
    query: {
      addedAfter,
      limit,
      after,
      ids: match.get('id') ?? null,
      types: match.get('type') ?? null,
      versions: scope === 'object-versions' ? { ...LAST_ONLY, last: false, all: true } : versions,
      specVersions: match.get('spec_version') ?? null,
    },
  };
}

function parseVersions(values: readonly string[]): VersionSelection | null {
  let all = false;
  let first = false;
  let last = false;
  const timestamps: string[] = [];
  for (const value of values) {
    if (value === 'all') {
      all = true;
    } else if (value === 'first') {
      first = true;
    } else if (value === 'last') {
      last = true;
    } else if (isUtcTimestamp(value)) {
      timestamps.push(value);
    } else {
      return null;
    }
  }
  return { all, first, last, timestamps };
}

function fail(reason: string): ObjectsQueryResult {
  return { ok: false, reason };
}

/** The `(name, value)` pairs of a request URL's query string, decoded, in order. */
export function queryParametersOf(url: string): [string, string][] {
  const question = url.indexOf('?');
  return question < 0 ? [] : [...new URLSearchParams(url.slice(question + 1))];
}
