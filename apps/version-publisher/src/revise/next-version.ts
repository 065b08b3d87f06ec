import type { StixObject } from '@ais/contracts';
import { compareStixTimestamps } from '@ais/stix';

/** One stored version of an object: its TAXII version (STIX `modified`, or its stand-in) and content. */
export interface KnownVersion {
  readonly version: string;
  readonly object: StixObject;
}

/**
 * The version of a new revision: `candidate` (the decision's or the report's time, in milliseconds,
 * UTC) when it is strictly later than `latest`, the latest version stored for the object; otherwise
 * one millisecond after `latest`. Either way strictly later than every stored version, so
 * `match[version]=last` and a subscriber keeping the latest `modified` both pick the new one.
 */
export function nextVersion(candidate: string, latest: string): string {
  const at = Date.parse(candidate);
  if (!Number.isNaN(at)) {
    const normalised = new Date(at).toISOString();
    if (compareStixTimestamps(normalised, latest) > 0) {
      return normalised;
    }
  }
  // Date keeps milliseconds: a latest with microseconds is truncated, and + 1 ms still passes it.
  return new Date(Date.parse(latest) + 1).toISOString();
}

/**
 * The object as the new version: SDOs and SROs carry the version as `modified`; SCOs have no
 * `modified` (nor `created`), so their version lives only in the repository and on the event.
 */
export function stampVersion(object: StixObject, version: string): StixObject {
  const versioned = typeof object.modified === 'string' || typeof object.created === 'string';
  return versioned ? { ...object, modified: version } : object;
}
