export const ROLES = ['participant', 'federal-consumer', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The seven appropriate federal entities (§1, CISA 2015 section 105(c)). */
export const FEDERAL_ENTITIES = ['commerce', 'defense', 'energy', 'homeland-security', 'justice', 'treasury', 'odni'] as const;
export type FederalEntity = (typeof FEDERAL_ENTITIES)[number];

/** Who is calling, as the guards attach it to the request. */
export interface Principal {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly organisation: string;
  readonly sectors: readonly string[];
  readonly city: string | null;
  readonly state: string | null;
  readonly country: string;
  readonly defaultConsent: 'none' | 'usg' | 'everyone';
  readonly federalEntity: FederalEntity | null;
  /** SHA-256 fingerprint (64 lowercase hex digits) of the client certificate mapped to it, if any. */
  readonly clientCertificateSha256?: string | null;
}
