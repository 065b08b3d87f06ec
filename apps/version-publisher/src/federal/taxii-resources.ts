import { encodeCursor, STIX_MEDIA_TYPE } from '@ais/taxii';
import type { StixObject } from '@ais/contracts';
import type { VersionPage } from './object-versions.repository';

/** TAXII 2.1 never sends an empty list: the key is left out, even if `{}` remains (§3.1). */
interface Paged {
  more?: boolean;
  next?: string;
}

export interface Envelope extends Paged {
  objects?: StixObject[];
}

export interface ManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type: string;
}

export interface Manifest extends Paged {
  objects?: ManifestRecord[];
}

export interface Versions extends Paged {
  versions?: string[];
}

function paging(page: VersionPage): Paged {
  if (page.versions.length === 0) {
    return {};
  }
  const last = page.versions[page.versions.length - 1]!;
  // taxii2-client loops while `more` and drops a falsy `next`: `more` always comes with `next`.
  return page.more ? { more: true, next: encodeCursor({ dateAdded: last.dateAdded, sequence: last.sequence }) } : { more: false };
}

export function envelopeOf(page: VersionPage): Envelope {
  return page.versions.length === 0 ? {} : { ...paging(page), objects: page.versions.map((v) => v.object) };
}

export function manifestOf(page: VersionPage): Manifest {
  return page.versions.length === 0
    ? {}
    : {
        ...paging(page),
        objects: page.versions.map((v) => ({ id: v.objectId, date_added: v.dateAdded, version: v.version, media_type: STIX_MEDIA_TYPE })),
      };
}

export function versionsOf(page: VersionPage): Versions {
  return page.versions.length === 0 ? {} : { ...paging(page), versions: page.versions.map((v) => v.version) };
}

/** `X-TAXII-Date-Added-First`/`-Last` for a non-empty page; none on `{}` (TAXII 2.1 errata). */
export function dateAddedHeaders(page: VersionPage): Record<string, string> {
  const first = page.versions[0];
  const last = page.versions[page.versions.length - 1];
  return first === undefined || last === undefined ? {} : { 'X-TAXII-Date-Added-First': first.dateAdded, 'X-TAXII-Date-Added-Last': last.dateAdded };
}
