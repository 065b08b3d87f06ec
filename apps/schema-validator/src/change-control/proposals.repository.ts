import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { VALIDATOR_SCHEMA } from '../migrations';
import { ProfileVersionsRepository } from '../profile/profile-versions.repository';
import type { BoardState, Proposal, ProposalStatus } from './change-control.decider';

export interface ProposalHistoryEntry {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

type Sql = Pick<EntityManager, 'query'>;

/** Change-control proposals as the projection keeps them, and the board state the decider needs. */
@Injectable()
export class ProposalsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: ProfileVersionsRepository,
  ) {}

  /** What the decider decides on: the version in force (null before the baseline) and every proposal. */
  async board(sql: Sql = this.dataSource): Promise<BoardState> {
    const published: { version: number | null }[] = await sql.query(`SELECT max(version) AS version FROM ${VALIDATOR_SCHEMA}.profile_versions`);
    const top = published[0]?.version ?? null;
    const current = top === null ? null : await this.versions.current(sql);
    const rows: { state: Proposal }[] = await sql.query(`SELECT state FROM ${VALIDATOR_SCHEMA}.profile_proposals`);
    return { current, proposals: new Map(rows.map((row) => [row.state.id, row.state])) };
  }

  async list(status?: ProposalStatus): Promise<Proposal[]> {
    const rows: { state: Proposal }[] =
      status === undefined
        ? await this.dataSource.query(`SELECT state FROM ${VALIDATOR_SCHEMA}.profile_proposals ORDER BY proposed_at, proposal_id`)
        : await this.dataSource.query(`SELECT state FROM ${VALIDATOR_SCHEMA}.profile_proposals WHERE status = $1 ORDER BY proposed_at, proposal_id`, [status]);
    return rows.map((row) => row.state);
  }

  async get(proposalId: string): Promise<{ proposal: Proposal; history: ProposalHistoryEntry[] } | null> {
    const rows: { state: Proposal }[] = await this.dataSource.query(`SELECT state FROM ${VALIDATOR_SCHEMA}.profile_proposals WHERE proposal_id = $1`, [proposalId]);
    const row = rows[0];
    if (row === undefined) {
      return null;
    }
    const history: { event_id: string; type: string; occurred_at: Date; data: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT event_id, type, occurred_at, data FROM ${VALIDATOR_SCHEMA}.profile_change_events WHERE subject_id = $1 ORDER BY sequence`,
      [proposalId],
    );
    return {
      proposal: row.state,
      history: history.map((entry) => ({ eventId: entry.event_id, type: entry.type, occurredAt: entry.occurred_at.toISOString(), data: entry.data })),
    };
  }
}
