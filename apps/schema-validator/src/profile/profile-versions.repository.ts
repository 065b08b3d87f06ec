import { BASELINE_PROFILE, parseProfile } from '@ais/ais-profile';
import { RetriableError } from '@ais/messaging';
import { Coalescer } from '@ais/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublishedProfile } from '../change-control/change-control.decider';
import { VALIDATOR_SCHEMA } from '../migrations';

export interface ProfileVersionSummary {
  readonly version: number;
  readonly cause: 'baseline' | 'proposal' | 'emergency';
  readonly causeId: string | null;
  readonly publishedAt: string;
}

interface VersionRow {
  version: number;
  cause: ProfileVersionSummary['cause'];
  cause_id: string | null;
  published_at: Date;
}

type Sql = Pick<EntityManager, 'query'>;

/**
 * The published AIS Profile versions (a projection of `ais.profile.changes.v1`). `current()` is what
 * the validation stage uses for each submission: it asks the database for the highest version, so
 * every replica picks up a newly published version with its next record, without a restart; the
 * content is parsed once per version. Records asked at the same moment share the one question.
 */
@Injectable()
export class ProfileVersionsRepository {
  private readonly logger = new Logger('ProfileVersions');
  private cached: PublishedProfile | null = null;

  /**
   * The highest version published: asked for by records handled side by side (the same moment),
   * answered by one statement.
   */
  private readonly highestVersion = new Coalescer<void, number | null>(async (calls) => {
    const version = await this.highestVersionIn(this.dataSource);
    return calls.map(() => version);
  });

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The version in force: the highest published, or the committed baseline before the log has one.
   * `sql` reads it inside that transaction (change control); without it, from the pool.
   */
  async current(sql?: Sql): Promise<PublishedProfile> {
    const version = sql === undefined ? await this.highestVersion.submit() : await this.highestVersionIn(sql);
    if (version === null) {
      return { version: BASELINE_PROFILE.version, profile: BASELINE_PROFILE };
    }
    if (this.cached?.version === version) {
      return this.cached;
    }
    const loaded = await this.get(version, sql ?? this.dataSource);
    if (loaded === null) {
      throw new RetriableError(`profile version ${version} vanished while being read`);
    }
    this.cached = loaded;
    this.logger.log(`AIS Profile version ${version} in force`);
    return loaded;
  }

  private async highestVersionIn(sql: Sql): Promise<number | null> {
    const rows: { version: number | null }[] = await sql.query(`SELECT max(version) AS version FROM ${VALIDATOR_SCHEMA}.profile_versions`);
    return rows[0]?.version ?? null;
  }

  /** A version in full. A stored version that is not coherent stops validation (retried) rather than apply it. */
  async get(version: number, sql: Sql = this.dataSource): Promise<PublishedProfile | null> {
    const rows: { content: unknown }[] = await sql.query(`SELECT content FROM ${VALIDATOR_SCHEMA}.profile_versions WHERE version = $1`, [version]);
    const row = rows[0];
    if (row === undefined) {
      return null;
    }
    const parsed = parseProfile(row.content);
    if (!parsed.ok) {
      throw new RetriableError(`profile version ${version} is not coherent`);
    }
    return { version, profile: parsed.profile };
  }

  async list(): Promise<ProfileVersionSummary[]> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT version, cause, cause_id, published_at FROM ${VALIDATOR_SCHEMA}.profile_versions ORDER BY version`,
    );
    return rows.map((row) => ({ version: row.version, cause: row.cause, causeId: row.cause_id, publishedAt: row.published_at.toISOString() }));
  }
}
