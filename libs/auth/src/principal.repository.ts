import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IDENTITY_SCHEMA } from './identity.migrations';
import { hashPassword } from './password-hash';
import type { FederalEntity, Principal, Role } from './roles';

interface PrincipalRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  organisation: string;
  sectors: string[];
  city: string | null;
  state: string | null;
  country: string;
  default_consent: Principal['defaultConsent'];
  federal_entity: FederalEntity | null;
}

export interface NewPrincipal {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly organisation: string;
  readonly sectors?: readonly string[];
  readonly city?: string;
  readonly state?: string;
  readonly country: string;
  readonly defaultConsent?: Principal['defaultConsent'];
  readonly federalEntity?: FederalEntity;
}

export class DuplicatePrincipalError extends Error {
  constructor() {
    super('a principal with this username or federal entity exists');
    this.name = 'DuplicatePrincipalError';
  }
}

function toPrincipal(row: PrincipalRow): Principal {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    organisation: row.organisation,
    sectors: row.sectors,
    city: row.city,
    state: row.state,
    country: row.country,
    defaultConsent: row.default_consent,
    federalEntity: row.federal_entity,
  };
}

@Injectable()
export class PrincipalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: NewPrincipal): Promise<Principal> {
    const id = randomUUID();
    try {
      const rows: PrincipalRow[] = await this.dataSource.query(
        `INSERT INTO ${IDENTITY_SCHEMA}.principals
           (id, username, password_hash, role, organisation, sectors, city, state, country, default_consent, federal_entity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          id,
          input.username,
          await hashPassword(input.password),
          input.role,
          input.organisation,
          input.sectors ?? [],
          input.city ?? null,
          input.state ?? null,
          input.country,
          input.defaultConsent ?? 'none',
          input.federalEntity ?? null,
        ],
      );
      return toPrincipal(rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DuplicatePrincipalError();
      }
      throw error;
    }
  }

  /** The enabled principal and its password hash, for the guard to verify. */
  async findForLogin(username: string): Promise<{ principal: Principal; passwordHash: string } | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT * FROM ${IDENTITY_SCHEMA}.principals WHERE username = $1 AND NOT disabled`,
      [username],
    );
    const row = rows[0];
    return row === undefined ? null : { principal: toPrincipal(row), passwordHash: row.password_hash };
  }

  async findById(id: string): Promise<Principal | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(`SELECT * FROM ${IDENTITY_SCHEMA}.principals WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toPrincipal(rows[0]);
  }

  async list(): Promise<Principal[]> {
    const rows: PrincipalRow[] = await this.dataSource.query(`SELECT * FROM ${IDENTITY_SCHEMA}.principals ORDER BY created_at, username`);
    return rows.map(toPrincipal);
  }
}
