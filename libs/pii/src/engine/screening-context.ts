import type { StixObject } from '../types';

/**
 * What the engine needs to know about the rest of the submission to tell the threat from its
 * victims.
 */
export interface ScreeningContext {
  /**
   * Values the submission's indicator patterns match (from the STIX pattern parser of `@ais/stix`):
   * they are the indicator, so they are actor-side wherever they appear — an `email-addr.value`
   * the pattern names, a phishing sender quoted in a description, a malicious URL with its query
   * string. Compared case-insensitively.
   */
  readonly actorSideValues: ReadonlySet<string>;
  /** Ids of objects referenced from the threat side (`email-message.from_ref`, `sender_ref`). */
  readonly actorSideRefs?: ReadonlySet<string>;
  /**
   * For an indicator: the values its own pattern matches. When every one is a nuisance (reserved
   * address, popular bare domain) the indicator is a nuisance indicator (§2.3.2.3).
   */
  readonly ownPatternValues?: readonly string[];
}

/** Properties whose referenced objects are the threat side of an e-mail. */
const ACTOR_REFERENCE_KEYS = ['from_ref', 'sender_ref'] as const;

/**
 * The context for screening the objects of one submission: the pattern values the caller parsed,
 * the ids the e-mail messages name as sender, and those senders' addresses (so the sender quoted in
 * a header or a description passes too).
 */
export function buildScreeningContext(objects: readonly StixObject[], patternValues: Iterable<string>): ScreeningContext {
  const actorSideRefs = new Set<string>();
  for (const object of objects) {
    if (object.type !== 'email-message') {
      continue;
    }
    for (const key of ACTOR_REFERENCE_KEYS) {
      const ref = object[key];
      if (typeof ref === 'string') {
        actorSideRefs.add(ref);
      }
    }
  }
  const actorSideValues = new Set(patternValues);
  for (const object of objects) {
    if (actorSideRefs.has(object.id) && typeof object.value === 'string') {
      actorSideValues.add(object.value);
    }
  }
  return { actorSideValues, actorSideRefs };
}
