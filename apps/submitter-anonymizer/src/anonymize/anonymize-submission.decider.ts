import type { ConsentLevel, StixObject, SubmitterProfile } from '@ais/contracts';

/** Ids minted for one submission; derived per submission, so nothing links two submissions. */
export interface FreshIds {
  readonly identity: string;
  readonly location: string;
  readonly locatedAt: string;
}

export interface AnonymizeInput {
  readonly objects: readonly StixObject[];
  readonly consent: ConsentLevel;
  readonly submitter: SubmitterProfile;
  /** The organisation as registered; travels only with consent. */
  readonly organisation: string;
  readonly fresh: FreshIds;
  readonly now: Date;
}

export interface AnonymizeResult {
  readonly objects: StixObject[];
  /** The identity every object now names as its creator. */
  readonly creatorId: string;
  /** The creator ids that were replaced (the submitter's real identity is kept sealed). */
  readonly replacedIdentityIds: string[];
}

const REF_PROPERTY = /_refs?$/;

/**
 * §2.3.1.3: without consent (`none`) the submitter's identity objects — every identity the
 * submission names as a creator — are replaced by a fresh identity that carries only the sector(s)
 * and approximate location, and every reference to them is re-pointed. With consent (`usg`,
 * `everyone`: the federal entities are the U.S. Government) the identity stays. In every case the
 * objects name a creator whose identity carries sector(s) and location.
 */
export function anonymizeSubmission(input: AnonymizeInput): AnonymizeResult {
  const creatorIds = new Set(input.objects.map((o) => o.created_by_ref).filter((ref): ref is string => typeof ref === 'string'));
  const submitterIdentities = input.objects.filter((o) => o.type === 'identity' && creatorIds.has(o.id));

  if (input.consent !== 'none' && submitterIdentities.length > 0) {
    const creatorId = submitterIdentities[0]!.id;
    const withSectors = input.objects.map((o) => (o.id === creatorId ? withProfileSectors(o, input.submitter) : o));
    return { objects: [...withSectors, ...locationOf(creatorId, input)], creatorId, replacedIdentityIds: [] };
  }

  const creatorId = input.fresh.identity;
  // Every creator the submission names is re-pointed, even one whose identity object it does not
  // carry: an identity id known from earlier submissions would link them.
  const replaced = creatorIds;
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: creatorId,
    created: input.now.toISOString(),
    modified: input.now.toISOString(),
    name: input.consent === 'none' ? 'Anonymous AIS participant' : input.organisation,
    identity_class: 'organization',
    ...(input.submitter.sectors.length > 0 ? { sectors: [...input.submitter.sectors] } : {}),
  };
  const kept = input.objects.filter((o) => !replaced.has(o.id)).map((o) => repoint(o, replaced, creatorId));
  const named = kept.map((o) => (isCreatable(o) && o.created_by_ref === undefined ? { ...o, created_by_ref: creatorId } : o));
  return { objects: [identity, ...locationOf(creatorId, input), ...named], creatorId, replacedIdentityIds: [...replaced] };
}

/** SDOs and SROs have a creator; SCOs and marking definitions do not take one here. */
function isCreatable(object: StixObject): boolean {
  return typeof object.created === 'string' && object.type !== 'marking-definition';
}

function withProfileSectors(identity: StixObject, submitter: SubmitterProfile): StixObject {
  return Array.isArray(identity.sectors) && identity.sectors.length > 0 ? identity : { ...identity, sectors: [...submitter.sectors] };
}

/** Approximate location as a STIX location linked by `located-at`. */
function locationOf(identityId: string, input: AnonymizeInput): StixObject[] {
  const timestamp = input.now.toISOString();
  const { city, state, country } = input.submitter;
  return [
    {
      type: 'location',
      spec_version: '2.1',
      id: input.fresh.location,
      created: timestamp,
      modified: timestamp,
      created_by_ref: identityId,
      country,
      ...(state === undefined ? {} : { administrative_area: state }),
      ...(city === undefined ? {} : { city }),
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: input.fresh.locatedAt,
      created: timestamp,
      modified: timestamp,
      created_by_ref: identityId,
      relationship_type: 'located-at',
      source_ref: identityId,
      target_ref: input.fresh.location,
    },
  ];
}

/** Re-points every `*_ref`/`*_refs` value, at any depth, that names a replaced identity. */
function repoint<T>(value: T, replaced: ReadonlySet<string>, to: string, key?: string): T {
  if (Array.isArray(value)) {
    return (value as unknown[]).map((item: unknown) =>
      key !== undefined && REF_PROPERTY.test(key) && typeof item === 'string' && replaced.has(item) ? to : repoint(item, replaced, to),
    ) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = REF_PROPERTY.test(k) && typeof v === 'string' && replaced.has(v) ? to : repoint(v, replaced, to, k);
    }
    return out as T;
  }
  return value;
}
