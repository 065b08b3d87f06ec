import { isRetriable } from '@ais/messaging';
import { Coalescer, compareKeys } from '@ais/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One object version a submission is about to publish. */
export interface VersionOf {
  readonly objectId: string;
  readonly version: string;
}

/** The first versions of one screened submission. */
export interface VersionClaim {
  readonly submissionId: string;
  readonly versions: readonly VersionOf[];
}

interface OwnerRow {
  readonly object_id: string;
  readonly version: string;
  readonly submission_id: string;
}

const keyOf = (objectId: string, version: string) => `${objectId}\u0000${version}`;

/**
 * Claims each first version for the submission that publishes it, so that a version goes out on
 * `ais.dissemination.published` once, whichever submissions carry it: a client's retry after its
 * answer was lost (the gateway may die after its event is in the log), the same bundle POSTed twice
 * before either was published, another participant relaying the same object.
 *
 * A claim commits on its own, before the stage's Kafka transaction: a redelivered submission (the
 * transaction aborted, or the stage died before committing) finds its own claims and publishes
 * them again, which read-committed consumers see once.
 *
 * The claims of the records a stage batch handles side by side share one statement; when
 * PostgreSQL refuses it for good, each record's claim runs alone, so only that record fails.
 */
@Injectable()
export class PublishedVersionsRepository {
  private readonly claims = new Coalescer<VersionClaim, boolean[]>((claims) => this.claimAll(claims), { retryAloneWhen: (error) => !isRetriable(error) });

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Resolves, in the claim's order, with whether each version is the submission's to publish:
   * false for one another submission claimed first, and for a repeat within the claim.
   */
  claim(claim: VersionClaim): Promise<boolean[]> {
    return claim.versions.length === 0 ? Promise.resolve([]) : this.claims.submit(claim);
  }

  private async claimAll(claims: readonly VersionClaim[]): Promise<boolean[][]> {
    const rows = claims
      .flatMap(({ submissionId, versions }) => versions.map(({ objectId, version }) => ({ objectId, version, submissionId })))
      .sort((a, b) => compareKeys(a.objectId, b.objectId) || compareKeys(a.version, b.version));
    const inserted = await this.dataSource.query<OwnerRow[]>(
      `INSERT INTO publisher.published_versions (object_id, version, submission_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])
       ON CONFLICT (object_id, version) DO NOTHING
       RETURNING object_id, version, submission_id::text`,
      [rows.map((r) => r.objectId), rows.map((r) => r.version), rows.map((r) => r.submissionId)],
    );
    const owners = new Map(inserted.map((row) => [keyOf(row.object_id, row.version), row.submission_id]));
    const claimedBefore = rows.filter((r) => !owners.has(keyOf(r.objectId, r.version)));
    if (claimedBefore.length > 0) {
      // Versions claimed by committed statements only: the insert waited for any concurrent one.
      const earlier = await this.dataSource.query<OwnerRow[]>(
        `SELECT p.object_id, p.version, p.submission_id::text
           FROM unnest($1::text[], $2::text[]) AS w(object_id, version)
           JOIN publisher.published_versions p ON p.object_id = w.object_id AND p.version = w.version`,
        [claimedBefore.map((r) => r.objectId), claimedBefore.map((r) => r.version)],
      );
      earlier.forEach((row) => owners.set(keyOf(row.object_id, row.version), row.submission_id));
    }
    return claims.map(({ submissionId, versions }) => {
      const seen = new Set<string>();
      return versions.map(({ objectId, version }) => {
        const key = keyOf(objectId, version);
        const owner = owners.get(key);
        if (owner === undefined) {
          throw new Error('a claimed version has no owner');
        }
        const first = !seen.has(key);
        seen.add(key);
        // PostgreSQL writes a uuid in lower case. A repeat within one submission is refused at
        // validation already; the claim does not count on it.
        return first && owner === submissionId.toLowerCase();
      });
    });
  }
}
