import type { PublishedVersion } from './verify-envelope';

/** Orders two STIX timestamps (UTC, any fraction of a second) as instants. */
export function compareTimestamps(left: string, right: string): number {
  const [leftSeconds = '', leftFraction = ''] = left.replace(/Z$/, '').split('.');
  const [rightSeconds = '', rightFraction = ''] = right.replace(/Z$/, '').split('.');
  if (leftSeconds !== rightSeconds) {
    return leftSeconds < rightSeconds ? -1 : 1;
  }
  const width = Math.max(leftFraction.length, rightFraction.length);
  const a = leftFraction.padEnd(width, '0');
  const b = rightFraction.padEnd(width, '0');
  return a === b ? 0 : a < b ? -1 : 1;
}

export type Offered = 'newer' | 'older' | 'same';

/**
 * The latest version of every STIX object seen: a version replaces the one kept only when its
 * timestamp is later. Versions of one object arrive in order on one partition in normal running,
 * but a replay, a second source (TAXII) or a restart from an older offset may bring them again or
 * out of order; comparing versions, never arrival order, keeps the result the same.
 */
export class LatestVersions {
  private readonly latest = new Map<string, PublishedVersion>();

  offer(version: PublishedVersion): Offered {
    const kept = this.latest.get(version.objectId);
    const order = kept === undefined ? 1 : compareTimestamps(version.version, kept.version);
    if (order > 0) {
      this.latest.set(version.objectId, version);
      return 'newer';
    }
    return order === 0 ? 'same' : 'older';
  }

  get size(): number {
    return this.latest.size;
  }

  /** A plain snapshot: STIX id → its latest version and object. */
  snapshot(): Record<string, { version: string; object: PublishedVersion['object'] }> {
    return Object.fromEntries([...this.latest].map(([id, v]) => [id, { version: v.version, object: v.object }]));
  }

  /** Starts from a snapshot written earlier (a restart). */
  static from(snapshot: Record<string, { version: string; object: PublishedVersion['object'] }>): LatestVersions {
    const latest = new LatestVersions();
    for (const [objectId, kept] of Object.entries(snapshot)) {
      latest.offer({ eventId: '', objectId, version: kept.version, object: kept.object });
    }
    return latest;
  }
}
