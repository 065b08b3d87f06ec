import { PROFILE_ERROR_MESSAGES, ProfileErrorCode } from './error-codes';
import type { AisProfile, LocationField } from './profile';
import type { ObjectFailure, ProfileObject } from './prune-to-profile';

/** Consent levels the pipeline knows (§2.3.1.3), most restrictive first. */
export const CONSENT_LEVELS = ['none', 'usg', 'everyone'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/** What the participant registered (ingest-gateway's principal), as sealed with the submission. */
export interface SubmitterRegistration {
  readonly sectors?: readonly string[];
  readonly city?: string;
  readonly state?: string;
  readonly country?: string;
  readonly defaultConsent?: string;
}

/** Sector(s) and approximate location: what always travels about a submitter. */
export interface SubmitterSummary {
  readonly sectors: string[];
  readonly city?: string;
  readonly state?: string;
  readonly country: string;
}

export type ConsentSource = 'identity-label' | 'registration' | 'default';

export interface MinimumResult {
  /** The objects that meet the per-object minimum (one TLP marking). */
  readonly objects: ProfileObject[];
  /** Objects that do not. */
  readonly failures: ObjectFailure[];
  /** Submission-wide shortfalls; any → the submission does not meet the minimum and is rejected. */
  readonly problems: ObjectFailure[];
  /** Null when sector or location is missing. */
  readonly submitter: SubmitterSummary | null;
  readonly consent: ConsentLevel;
  readonly consentSource: ConsentSource;
  /** The identity object taken as the submitter's, when the submission has one. */
  readonly submitterIdentityId?: string;
}

type Location = { -readonly [F in LocationField]?: string };

const MAX_LOCATION_LENGTH = 200;
const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * Checks the minimum AIS Profile content of a submission whose objects are already pruned to the
 * profile (§2.3.1.1, §2.3.1.3):
 *
 * - every object (but marking definitions) carries exactly one TLP marking, else the object fails;
 * - the submitter's sector(s): the registration's (CISA sector names translated to their STIX
 *   `industry-sector-ov` value), else the `sectors` of the submitter's identity;
 * - the submitter's location: the registration's, else the location the identity is `located-at`;
 * - consent: an `ais-consent-<level>` label on the submitter's identity, else the registered
 *   default, else `none` (several labels: the most restrictive wins).
 *
 * The submitter's identity is the identity object most objects name as `created_by_ref` (the first
 * on a tie), or the only identity of the submission when none is named.
 */
export function checkMinimum(objects: readonly ProfileObject[], registration: SubmitterRegistration, profile: AisProfile): MinimumResult {
  const { minimum } = profile;
  const markings = new Set(profile.vocabularies[minimum.markingVocabulary] ?? []);
  const kept: ProfileObject[] = [];
  const failures: ObjectFailure[] = [];
  for (const object of objects) {
    if (minimum.markingExemptTypes.includes(object.type)) {
      kept.push(object);
      continue;
    }
    const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs : [];
    const tlp = new Set(refs.filter((ref): ref is string => typeof ref === 'string' && markings.has(ref)));
    if (tlp.size === 1) {
      kept.push(object);
    } else {
      const code = tlp.size === 0 ? ProfileErrorCode.TlpMarkingMissing : ProfileErrorCode.TlpMarkingConflict;
      failures.push({ objectId: object.id, code, message: PROFILE_ERROR_MESSAGES[code] });
    }
  }

  const identity = submitterIdentityOf(kept);
  const sectorVocabulary = new Set(profile.vocabularies[minimum.sectorVocabulary] ?? []);
  const inVocabulary = (values: unknown): string[] =>
    Array.isArray(values) ? [...new Set(values.filter((value): value is string => typeof value === 'string' && sectorVocabulary.has(value)))] : [];
  const aliases = minimum.sectorAliases;
  const registeredSectors = inVocabulary(
    (registration.sectors ?? []).map((sector) => (Object.prototype.hasOwnProperty.call(aliases, sector) ? aliases[sector] : sector)),
  );
  const sectors = registeredSectors.length > 0 ? registeredSectors : inVocabulary(identity?.sectors);

  const registeredLocation = cleanLocation({ country: registration.country, state: registration.state, city: registration.city });
  const meets = (location: Location) =>
    minimum.locationRequired.every((field) => location[field] !== undefined) &&
    (minimum.locationOneOf.length === 0 || minimum.locationOneOf.some((field) => location[field] !== undefined));
  const location = [registeredLocation, identityLocationOf(identity, kept)].find(meets);

  const problems: ObjectFailure[] = [];
  if (sectors.length === 0) {
    problems.push({ code: ProfileErrorCode.SubmitterSectorMissing, message: PROFILE_ERROR_MESSAGES[ProfileErrorCode.SubmitterSectorMissing] });
  }
  if (location === undefined) {
    problems.push({ code: ProfileErrorCode.SubmitterLocationMissing, message: PROFILE_ERROR_MESSAGES[ProfileErrorCode.SubmitterLocationMissing] });
  }
  const submitter =
    problems.length === 0 && location?.country !== undefined
      ? { sectors, country: location.country, ...(location.state === undefined ? {} : { state: location.state }), ...(location.city === undefined ? {} : { city: location.city }) }
      : null;

  const consentLevels = new Set((profile.vocabularies[minimum.consentVocabulary] ?? []).filter(isConsentLevel));
  const labelled = consentLabelsOf(identity, minimum.consentLabelPrefix).filter((level) => consentLevels.has(level));
  const registered = registration.defaultConsent;
  const [consent, consentSource]: [ConsentLevel, ConsentSource] =
    labelled.length > 0
      ? [mostRestrictive(labelled), 'identity-label']
      : isConsentLevel(registered) && consentLevels.has(registered)
        ? [registered, 'registration']
        : ['none', 'default'];

  return { objects: kept, failures, problems, submitter, consent, consentSource, ...(identity === undefined ? {} : { submitterIdentityId: identity.id }) };
}

function submitterIdentityOf(objects: readonly ProfileObject[]): ProfileObject | undefined {
  const identities = new Map(objects.filter((object) => object.type === 'identity').map((object) => [object.id, object]));
  const named = new Map<string, number>();
  for (const object of objects) {
    const creator = object.created_by_ref;
    if (typeof creator === 'string' && identities.has(creator)) {
      named.set(creator, (named.get(creator) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [id, count] of named) {
    if (best === undefined || count > (named.get(best) ?? 0)) {
      best = id;
    }
  }
  if (best !== undefined) {
    return identities.get(best);
  }
  return identities.size === 1 ? [...identities.values()][0] : undefined;
}

function identityLocationOf(identity: ProfileObject | undefined, objects: readonly ProfileObject[]): Location {
  if (identity === undefined) {
    return {};
  }
  const locations = new Map(objects.filter((object) => object.type === 'location').map((object) => [object.id, object]));
  for (const object of objects) {
    if (object.type === 'relationship' && object.relationship_type === 'located-at' && object.source_ref === identity.id) {
      const location = typeof object.target_ref === 'string' ? locations.get(object.target_ref) : undefined;
      if (location !== undefined) {
        return cleanLocation({ country: location.country, state: location.administrative_area, city: location.city });
      }
    }
  }
  return {};
}

function cleanLocation(raw: { country?: unknown; state?: unknown; city?: unknown }): Location {
  const text = (value: unknown) => (typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_LOCATION_LENGTH ? value.trim() : undefined);
  const country = typeof raw.country === 'string' && COUNTRY.test(raw.country) ? raw.country.toUpperCase() : undefined;
  const location: Location = {};
  if (country !== undefined) {
    location.country = country;
  }
  const state = text(raw.state);
  if (state !== undefined) {
    location.state = state;
  }
  const city = text(raw.city);
  if (city !== undefined) {
    location.city = city;
  }
  return location;
}

function consentLabelsOf(identity: ProfileObject | undefined, prefix: string): ConsentLevel[] {
  const labels = identity?.labels;
  if (!Array.isArray(labels)) {
    return [];
  }
  return labels.flatMap((label: unknown) => {
    if (typeof label !== 'string' || !label.startsWith(prefix)) {
      return [];
    }
    const level = label.slice(prefix.length);
    return isConsentLevel(level) ? [level] : [];
  });
}

function mostRestrictive(levels: readonly ConsentLevel[]): ConsentLevel {
  return CONSENT_LEVELS.find((level) => levels.includes(level)) ?? 'none';
}

export function isConsentLevel(value: unknown): value is ConsentLevel {
  return typeof value === 'string' && (CONSENT_LEVELS as readonly string[]).includes(value);
}
