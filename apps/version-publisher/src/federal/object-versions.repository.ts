import type { StixObject } from '@ais/contracts';
import { TAXII_TIMESTAMP_SQL_FORMAT } from '@ais/taxii';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ObjectsQuery, VersionSelection } from './objects-query';

/** One stored version, as the federal root reads it. */
export interface StoredVersion {
  readonly sequence: string;
  readonly objectId: string;
  readonly version: string;
  /** TAXII timestamp with microseconds, straight from the database. */
  readonly dateAdded: string;
  readonly object: StixObject;
}

export interface VersionPage {
  readonly versions: readonly StoredVersion[];
  /** More versions match after the last one of this page. */
  readonly more: boolean;
}

interface Row {
  sequence: string;
  object_id: string;
  version: string;
  date_added: string;
  object: StixObject;
}

/**
 * Reads the published object repository in `date_added` order. One query per page, whatever the
 * page size: filters, version selection and the cursor all run in the database.
 */
@Injectable()
export class ObjectVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: ObjectsQuery, options: { objectId?: string; withObjects?: boolean } = {}): Promise<VersionPage> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions: string[] = [];
    if (options.objectId !== undefined) {
      conditions.push(`v.object_id = ${param(options.objectId)}::text`);
    }
    if (query.ids !== null) {
      conditions.push(`v.object_id = ANY(${param(query.ids)}::text[])`);
    }
    if (query.types !== null) {
      conditions.push(`v.type = ANY(${param(query.types)}::text[])`);
    }
    if (query.specVersions !== null) {
      conditions.push(`v.spec_version = ANY(${param(query.specVersions)}::text[])`);
    }
    if (query.addedAfter !== null) {
      conditions.push(`v.date_added > ${param(query.addedAfter)}::timestamptz`);
    }
    if (query.after !== null) {
      // date_added is unique, so the sequence only breaks ties that cannot happen; the first
      // clause lets the date_added index find the page start.
      const dateAdded = param(query.after.dateAdded);
      conditions.push(`v.date_added >= ${dateAdded}::timestamptz`, `(v.date_added, v.sequence) > (${dateAdded}::timestamptz, ${param(query.after.sequence)}::bigint)`);
    }
    const versions = versionCondition(query.versions, param);
    if (versions !== null) {
      conditions.push(versions);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT v.sequence::text AS sequence, v.object_id, v.version,
              to_char(v.date_added AT TIME ZONE 'UTC', ${TAXII_TIMESTAMP_SQL_FORMAT}) AS date_added,
              ${options.withObjects === false ? 'NULL' : 'v.object'} AS object
         FROM publisher.object_versions v
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY v.date_added, v.sequence
        LIMIT ${param(query.limit + 1)}`,
      params,
    );
    return {
      versions: rows.slice(0, query.limit).map((row) => ({
        sequence: row.sequence,
        objectId: row.object_id,
        version: row.version,
        dateAdded: row.date_added,
        object: row.object,
      })),
      more: rows.length > query.limit,
    };
  }

  async exists(objectId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM publisher.object_versions WHERE object_id = $1 LIMIT 1`, [objectId]);
    return rows.length > 0;
  }
}

/**
 * `first`/`last` are judged over every stored version of the object, before `added_after`: a
 * version added late but older than one the client has is not "last".
 */
function versionCondition(selection: VersionSelection, param: (value: unknown) => string): string | null {
  if (selection.all) {
    return null;
  }
  const alternatives: string[] = [];
  if (selection.last) {
    alternatives.push(
      `NOT EXISTS (SELECT 1 FROM publisher.object_versions w WHERE w.object_id = v.object_id AND w.version_at > v.version_at)`,
    );
  }
  if (selection.first) {
    alternatives.push(
      `NOT EXISTS (SELECT 1 FROM publisher.object_versions w WHERE w.object_id = v.object_id AND w.version_at < v.version_at)`,
    );
  }
  if (selection.timestamps.length > 0) {
    alternatives.push(`v.version_at = ANY(${param(selection.timestamps)}::timestamptz[])`);
  }
  return alternatives.length === 0 ? 'false' : `(${alternatives.join(' OR ')})`;
}
