import { Coalescer } from '@ais/persistence';
import { TAXII_TIMESTAMP_SQL_FORMAT } from '@ais/taxii';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface StatusEntry {
  readonly id: string;
  readonly version: string;
  readonly message?: string;
}

/** The TAXII 2.1 status resource (§4.3.1); empty lists are omitted, counts always present. */
export interface StatusResource {
  readonly id: string;
  readonly status: 'pending' | 'complete';
  readonly request_timestamp: string;
  readonly total_count: number;
  readonly success_count: number;
  readonly failure_count: number;
  readonly pending_count: number;
  readonly successes?: StatusEntry[];
  readonly failures?: StatusEntry[];
  readonly pendings?: StatusEntry[];
}

/** One object of a new status resource, as submitted; duplicates of accepted versions start as successes. */
export interface NewStatusObject {
  readonly id: string | null;
  readonly version: string | null;
  readonly state?: 'pending' | 'success';
  readonly message?: string;
}

interface ObjectRow {
  position: number;
  object_id: string | null;
  version: string | null;
  state: 'pending' | 'success' | 'failure';
  message: string | null;
}

/**
 * The lock of a status, `hashtext('ais-status:' || id)`: it serialises a submission's POST with
 * the projection of its outcomes. `StatusRepository.createAll` takes it in the statement that writes
 * the row, so the POST holds it until the row commits (after `SubmissionReceived` is in the log),
 * and the projection takes it before it looks for the row. Without it, an outcome that comes back
 * faster than the POST commits (a busy gateway) updates no row, and the status stays pending for
 * good. Transaction-scoped: a crashed POST's lock goes with its connection. Several statuses are
 * locked in one order, so that two batches cannot deadlock.
 */
export async function lockStatuses(tx: EntityManager, statusIds: readonly string[]): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ais-status:' || id)) FROM unnest($1::text[]) AS id`, [[...statusIds].sort()]);
}

/** How an accepted (id, version) pair is looked up in a set. */
export function acceptedKey(id: string, version: string): string {
  return `${id}\u0000${version}`;
}

/** A POST's new status resource. */
export interface NewStatus {
  readonly id: string;
  readonly principalId: string;
  readonly objects: readonly NewStatusObject[];
  readonly requestedAt: Date;
}

/** An object version as submitted: its `id` and its `modified` (or `created`). */
export interface VersionKey {
  readonly id: string;
  readonly version: string;
}

interface AcceptedLookup {
  readonly principalId: string;
  readonly keys: readonly VersionKey[];
}

@Injectable()
export class StatusRepository {
  // A lookup of many POSTs that PostgreSQL refuses is run again for each, so one POST fails alone.
  private readonly acceptedLookups = new Coalescer<AcceptedLookup, Set<string>>((lookups) => this.acceptedAmongAll(lookups), { retryAloneWhen: () => true });

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Statuses, each with every object of its POST and complete at once when none is pending, and
   * their locks (see `lockStatuses`), taken in id order and held until `tx` ends: one statement.
   */
  async createAll(tx: EntityManager, statuses: readonly NewStatus[]): Promise<void> {
    const sorted = [...statuses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const objects = sorted.flatMap((status) => status.objects.map((object, position) => ({ statusId: status.id, position, ...object })));
    await tx.query(
      `WITH locked AS (
         SELECT count(pg_advisory_xact_lock(hashtext('ais-status:' || id::text))) FROM unnest($1::uuid[]) AS id
       ), resources AS (
         INSERT INTO gateway.status_resources (id, principal_id, total_count, request_timestamp, completed_at)
         SELECT r.id, r.principal_id, r.total_count, r.requested_at, r.completed_at
         FROM locked, unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::timestamptz[]) AS r(id, principal_id, total_count, requested_at, completed_at)
         RETURNING id
       )
       INSERT INTO gateway.status_objects (status_id, position, object_id, version, state, message)
       SELECT o.status_id, o.position, o.object_id, o.version, o.state, o.message
       FROM unnest($6::uuid[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[]) AS o(status_id, position, object_id, version, state, message)
       JOIN resources ON resources.id = o.status_id`,
      [
        sorted.map((s) => s.id),
        sorted.map((s) => s.principalId),
        sorted.map((s) => s.objects.length),
        sorted.map((s) => s.requestedAt),
        sorted.map((s) => (s.objects.every((o) => o.state === 'success') ? s.requestedAt : null)),
        objects.map((o) => o.statusId),
        objects.map((o) => o.position),
        objects.map((o) => o.id),
        objects.map((o) => o.version),
        objects.map((o) => o.state ?? 'pending'),
        objects.map((o) => o.message ?? null),
      ],
    );
  }

  /** Removes statuses written in `tx` whose POST failed after all (their objects go with them). */
  async deleteAll(tx: EntityManager, ids: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM gateway.status_resources WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Which of these (id, version) pairs the principal already had accepted (published): the
   * `acceptedKey`s of those found. The lookups of POSTs handled at the same moment share one
   * statement.
   */
  acceptedAmong(principalId: string, keys: readonly VersionKey[]): Promise<Set<string>> {
    // PostgreSQL text holds no NUL, so no such pair was ever accepted (nor could it fail the shared statement).
    const storable = keys.filter((key) => !key.id.includes('\u0000') && !key.version.includes('\u0000'));
    return storable.length === 0 ? Promise.resolve(new Set()) : this.acceptedLookups.submit({ principalId, keys: storable });
  }

  private async acceptedAmongAll(lookups: readonly AcceptedLookup[]): Promise<Set<string>[]> {
    const calls: number[] = [];
    const principalIds: string[] = [];
    const objectIds: string[] = [];
    const versions: string[] = [];
    lookups.forEach((lookup, call) => {
      for (const key of lookup.keys) {
        calls.push(call);
        principalIds.push(lookup.principalId);
        objectIds.push(key.id);
        versions.push(key.version);
      }
    });
    // One primary-key probe per pair, whatever the statistics say: joined plainly, a register not
    // yet analysed was read whole into a hash for every statement (4–13 ms at 20,000 rows against
    // ~0.5 ms probing; docs/benchmarks.md, run 16). LIMIT 1 keeps PostgreSQL from flattening it.
    const rows: { call: number; object_id: string; version: string }[] = await this.dataSource.query(
      `SELECT k.call, a.object_id, a.version
       FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[]) AS k(call, principal_id, object_id, version)
       CROSS JOIN LATERAL (
         SELECT a.object_id, a.version FROM gateway.accepted_versions a
          WHERE a.principal_id = k.principal_id AND a.object_id = k.object_id AND a.version = k.version
          LIMIT 1
       ) a`,
      [calls, principalIds, objectIds, versions],
    );
    const found = lookups.map(() => new Set<string>());
    for (const row of rows) {
      found[row.call]!.add(acceptedKey(row.object_id, row.version));
    }
    return found;
  }

  /** The status resource, if it exists and the caller may see it (its submitter, or any admin). */
  async find(id: string, principalId: string | null): Promise<StatusResource | null> {
    const resources: { id: string; request_timestamp: string; total_count: number }[] = await this.dataSource.query(
      `SELECT id, to_char(request_timestamp AT TIME ZONE 'UTC', ${TAXII_TIMESTAMP_SQL_FORMAT}) AS request_timestamp, total_count
       FROM gateway.status_resources WHERE id = $1 AND ($2::uuid IS NULL OR principal_id = $2::uuid)`,
      [id, principalId],
    );
    const resource = resources[0];
    if (resource === undefined) {
      return null;
    }
    const rows: ObjectRow[] = await this.dataSource.query(
      `SELECT position, object_id, version, state, message FROM gateway.status_objects WHERE status_id = $1 ORDER BY position`,
      [id],
    );
    return statusResourceOf(resource.id, resource.request_timestamp, resource.total_count, rows);
  }
}

/**
 * The status resource a POST answers with: its objects as `createAll` wrote them, without reading
 * them back (what the pipeline decides meanwhile shows in the next GET). `now` is the request
 * timestamp `createAll` stored; milliseconds, so the microseconds PostgreSQL would print are zeros.
 */
export function acceptedStatus(id: string, now: Date, objects: readonly NewStatusObject[]): StatusResource {
  const rows = objects.map(
    (o, position): ObjectRow => ({ position, object_id: o.id, version: o.version, state: o.state ?? 'pending', message: o.message ?? null }),
  );
  return statusResourceOf(id, `${now.toISOString().slice(0, -1)}000Z`, objects.length, rows);
}

function statusResourceOf(id: string, requestTimestamp: string, totalCount: number, rows: readonly ObjectRow[]): StatusResource {
  const byState = (state: ObjectRow['state']) =>
    rows
      .filter((row) => row.state === state)
      .map((row): StatusEntry => ({
        id: row.object_id ?? `objects[${row.position}]`,
        version: row.version ?? '',
        ...(row.message === null ? {} : { message: row.message }),
      }));
  const successes = byState('success');
  const failures = byState('failure');
  const pendings = byState('pending');
  return {
    id,
    status: pendings.length === 0 ? 'complete' : 'pending',
    request_timestamp: requestTimestamp,
    total_count: totalCount,
    success_count: successes.length,
    failure_count: failures.length,
    pending_count: pendings.length,
    ...(successes.length > 0 ? { successes } : {}),
    ...(failures.length > 0 ? { failures } : {}),
    ...(pendings.length > 0 ? { pendings } : {}),
  };
}
