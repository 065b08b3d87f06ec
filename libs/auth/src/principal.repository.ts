import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normaliseCertificateFingerprint } from './client-certificate';
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
  client_certificate_sha256: string | null;
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
  /** SHA-256 fingerprint of the principal's TLS client certificate, hex or colon form. */
  readonly clientCertificateSha256?: string;
}

export class DuplicatePrincipalError extends Error {
  constructor() {
    super('a principal with this username, federal entity or client certificate exists');
    this.name = 'DuplicatePrincipalError';
  }
}

export class InvalidCertificateFingerprintError extends Error {
  constructor() {
    super('clientCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits, optionally colon-separated');
    this.name = 'InvalidCertificateFingerprintError';
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
    clientCertificateSha256: row.client_certificate_sha256,
  };
}

@Injectable()
export class PrincipalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: NewPrincipal): Promise<Principal> {
    const id = randomUUID();
    const certificate = input.clientCertificateSha256 === undefined ? null : normaliseCertificateFingerprint(input.clientCertificateSha256);
    if (input.clientCertificateSha256 !== undefined && certificate === null) {
      throw new InvalidCertificateFingerprintError();
    }
    // ON CONFLICT DO NOTHING, not a caught unique violation: a failed query is logged with its
    // parameters, and these hold a password hash.
    const rows: PrincipalRow[] = await this.dataSource.query(
      `INSERT INTO ${IDENTITY_SCHEMA}.principals
         (id, username, password_hash, role, organisation, sectors, city, state, country, default_consent, federal_entity,
          client_certificate_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING RETURNING *`,
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
        certificate,
      ],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new DuplicatePrincipalError();
    }
    return toPrincipal(row);
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

  /** The enabled principal a verified client certificate (SHA-256 fingerprint, normalised) maps to. */
  async findByCertificate(sha256: string): Promise<Principal | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT * FROM ${IDENTITY_SCHEMA}.principals WHERE client_certificate_sha256 = $1 AND NOT disabled`,
      [sha256],
    );
    return rows[0] === undefined ? null : toPrincipal(rows[0]);
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
