import baseline from '../data/ais-profile.v1.json';
import { parseProfile, type AisProfile } from './profile';

/**
 * Version 1 of the AIS Profile, as committed in `data/ais-profile.v1.json`. Later versions exist
 * only as `ProfileVersionPublished` events of the change-control board (§2.2); this file is never
 * edited to change the profile.
 */
export const BASELINE_PROFILE: AisProfile = loadBaseline();

function loadBaseline(): AisProfile {
  const parsed = parseProfile(baseline);
  if (!parsed.ok) {
    throw new Error(`data/ais-profile.v1.json is not a valid AIS Profile: ${parsed.problems.join('; ')}`);
  }
  return deepFreeze(parsed.profile);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) {
      deepFreeze(entry);
    }
  }
  return value;
}
