/**
 * Shared types of the screening engine. Detectors see one string at a time (a "field"); the engine
 * decides which fields are screened (rules/field-rules.ts) and what happens on a hit.
 */

/** Stable detector ids: they appear in held-field records, review tasks and metrics; never rename one. */
export const DETECTOR_IDS = [
  'email',
  'phone',
  'ssn',
  'payment-card',
  'iban',
  'bank-account',
  'passport',
  'drivers-licence',
  'person-name',
  'street-address',
  'username-in-path',
  'url-query-pii',
  'credential',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

/** One hit of one detector inside one field. Offsets are UTF-16 indexes into the screened text. */
export interface Finding {
  readonly detector: DetectorId;
  readonly start: number;
  readonly end: number;
  /** Why it fired, without the value: "Luhn-valid 16-digit Visa number". */
  readonly reason: string;
}

/** What a detector is told about the field besides its text. */
export interface FieldContext {
  /**
   * The property name the text sits under (last key of its path, array indexes skipped), lower case:
   * `description`, `x_employee_ssn`. Presidio treats the JSON key as context; so do we.
   */
  readonly key: string;
}

export interface Detector {
  readonly id: DetectorId;
  /** Every finding in `text`; validated, never a bare shape. Must run in time linear in `text.length`. */
  detect(text: string, context: FieldContext): Finding[];
}

/**
 * A STIX 2.1 object as it travels between stages: opaque JSON with a type and an id. Structurally
 * the same type as `StixObject` of `@ais/contracts` (assignable both ways), declared here because
 * the Nx boundaries keep `type:domain` libraries from importing `type:contracts` ones.
 */
export type StixObject = Record<string, unknown> & { type: string; id: string };
