/**
 * The AIS Profile as data (§2.2): which STIX object types and, per type, which properties a
 * submission may carry, which values the controlled vocabularies allow, and the minimum content
 * every submission must have (§2.3.1.1). A version is immutable; change control publishes the next.
 */
export type AisProfile = {
  readonly name: string;
  /** Monotonic: 1 is the baseline in `data/ais-profile.v1.json`, every accepted change adds one. */
  readonly version: number;
  readonly stixVersion: '2.1';
  /** Vocabulary name → allowed values, in the order they were added. */
  readonly vocabularies: Readonly<Record<string, readonly string[]>>;
  /** STIX object type → its allowed properties (top-level property names). */
  readonly objectTypes: Readonly<Record<string, ObjectTypeRule>>;
  readonly minimum: MinimumContent;
};

export type ObjectTypeRule = {
  readonly properties: Readonly<Record<string, PropertyRule>>;
};

/**
 * A property without a vocabulary takes any value STIX allows. With one, a string value (or each
 * entry of a list) must be `valuePrefix + <a value of the vocabulary>`; anything else is removed.
 */
export type PropertyRule = {
  readonly vocabulary?: string;
  readonly valuePrefix?: string;
};

/** What every submission must contain, whatever its objects (§2.3.1.1, §2.3.1.3). */
export type MinimumContent = {
  /** Every object carries one marking of this vocabulary in `object_marking_refs`. */
  readonly markingVocabulary: string;
  /** Types exempt from the marking rule (marking definitions are the markings). */
  readonly markingExemptTypes: readonly string[];
  /** The submitter's sector(s): at least one value of this vocabulary. */
  readonly sectorVocabulary: string;
  /**
   * Registered sectors named as CISA lists them (`information-technology`) → the vocabulary's STIX
   * `industry-sector-ov` value (`technology`). Applies to the registration, not to STIX objects.
   */
  readonly sectorAliases: Readonly<Record<string, string>>;
  /** Location fields the submitter must give (of `country`, `state`, `city`). */
  readonly locationRequired: readonly LocationField[];
  /** And at least one of these. */
  readonly locationOneOf: readonly LocationField[];
  /** Consent levels, expressed on the submitter's identity as `consentLabelPrefix + level`. */
  readonly consentVocabulary: string;
  readonly consentLabelPrefix: string;
};

export const LOCATION_FIELDS = ['country', 'state', 'city'] as const;
export type LocationField = (typeof LOCATION_FIELDS)[number];

export type ParseProfileResult = { readonly ok: true; readonly profile: AisProfile } | { readonly ok: false; readonly problems: readonly string[] };

/** STIX type names: lowercase letters, digits and single inner hyphens. */
export const OBJECT_TYPE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** STIX property names: lowercase letters, digits and underscores. */
export const PROPERTY_NAME = /^[a-z0-9_]{1,250}$/;
export const VOCABULARY_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_VOCABULARY_VALUE_LENGTH = 250;

/**
 * Reads a profile version from JSON (the baseline file, or a version from the event log) and checks
 * that it is coherent: every vocabulary a rule names exists, names have STIX form, values are unique.
 * Problems name keys, never more.
 */
export function parseProfile(input: unknown): ParseProfileResult {
  const problems: string[] = [];
  if (!isRecord(input)) {
    return { ok: false, problems: ['the profile is not a JSON object'] };
  }
  const { name, version, stixVersion, vocabularies, objectTypes, minimum } = input;
  if (typeof name !== 'string' || name.length === 0) {
    problems.push('name must be a non-empty string');
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push('version must be a positive integer');
  }
  if (stixVersion !== '2.1') {
    problems.push('stixVersion must be "2.1"');
  }
  const vocabularyNames = new Set<string>();
  if (!isRecord(vocabularies)) {
    problems.push('vocabularies must be an object');
  } else {
    for (const [vocabulary, values] of Object.entries(vocabularies)) {
      vocabularyNames.add(vocabulary);
      if (!VOCABULARY_NAME.test(vocabulary)) {
        problems.push(`vocabulary ${vocabulary}: name must be lowercase words joined by hyphens`);
      }
      if (!Array.isArray(values) || !values.every((value) => typeof value === 'string' && value.length > 0 && value.length <= MAX_VOCABULARY_VALUE_LENGTH)) {
        problems.push(`vocabulary ${vocabulary}: values must be non-empty strings`);
      } else if (new Set(values).size !== values.length) {
        problems.push(`vocabulary ${vocabulary}: values must be unique`);
      }
    }
  }
  if (!isRecord(objectTypes)) {
    problems.push('objectTypes must be an object');
  } else {
    for (const [type, rule] of Object.entries(objectTypes)) {
      problems.push(...checkTypeRule(type, rule, vocabularyNames));
    }
  }
  problems.push(...checkMinimum(minimum, vocabularyNames));
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, profile: input as unknown as AisProfile };
}

function checkTypeRule(type: string, rule: unknown, vocabularies: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!OBJECT_TYPE_NAME.test(type)) {
    problems.push(`object type ${type}: not a STIX type name`);
  }
  if (!isRecord(rule) || !isRecord(rule.properties)) {
    return [...problems, `object type ${type}: properties must be an object`];
  }
  for (const required of ['type', 'id']) {
    if (!(required in rule.properties)) {
      problems.push(`object type ${type}: must allow ${required}`);
    }
  }
  for (const [property, propertyRule] of Object.entries(rule.properties)) {
    if (!PROPERTY_NAME.test(property)) {
      problems.push(`object type ${type}: ${property} is not a STIX property name`);
    }
    if (!isRecord(propertyRule)) {
      problems.push(`${type}.${property}: rule must be an object`);
      continue;
    }
    const { vocabulary, valuePrefix, ...rest } = propertyRule;
    if (vocabulary !== undefined && (typeof vocabulary !== 'string' || !vocabularies.has(vocabulary))) {
      problems.push(`${type}.${property}: names an unknown vocabulary`);
    }
    if (valuePrefix !== undefined && (typeof valuePrefix !== 'string' || vocabulary === undefined)) {
      problems.push(`${type}.${property}: valuePrefix needs a vocabulary`);
    }
    if (Object.keys(rest).length > 0) {
      problems.push(`${type}.${property}: unknown rule keys ${Object.keys(rest).join(', ')}`);
    }
  }
  return problems;
}

function checkMinimum(minimum: unknown, vocabularies: ReadonlySet<string>): string[] {
  if (!isRecord(minimum)) {
    return ['minimum must be an object'];
  }
  const problems: string[] = [];
  for (const key of ['markingVocabulary', 'sectorVocabulary', 'consentVocabulary'] as const) {
    const value = minimum[key];
    if (typeof value !== 'string' || !vocabularies.has(value)) {
      problems.push(`minimum.${key} must name a vocabulary of the profile`);
    }
  }
  if (!isRecord(minimum.sectorAliases) || !Object.values(minimum.sectorAliases).every((value) => typeof value === 'string')) {
    problems.push('minimum.sectorAliases must map names to vocabulary values');
  }
  if (typeof minimum.consentLabelPrefix !== 'string') {
    problems.push('minimum.consentLabelPrefix must be a string');
  }
  if (!isStringList(minimum.markingExemptTypes)) {
    problems.push('minimum.markingExemptTypes must be a list of type names');
  }
  for (const key of ['locationRequired', 'locationOneOf'] as const) {
    const fields = minimum[key];
    if (!isStringList(fields) || !fields.every((field) => (LOCATION_FIELDS as readonly string[]).includes(field))) {
      problems.push(`minimum.${key} must list fields of ${LOCATION_FIELDS.join(', ')}`);
    }
  }
  return problems;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
