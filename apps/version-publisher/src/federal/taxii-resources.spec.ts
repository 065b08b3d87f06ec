import { decodeCursor } from '@ais/taxii';
import type { StoredVersion, VersionPage } from './object-versions.repository';
import { dateAddedHeaders, envelopeOf, manifestOf, versionsOf } from './taxii-resources';

function stored(sequence: number, dateAdded: string): StoredVersion {
  const id = `indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f${String(sequence).padStart(2, '0')}`;
  return { sequence: String(sequence), objectId: id, version: '2025-02-03T10:00:00.000Z', dateAdded, object: { type: 'indicator', id } };
}

const EMPTY: VersionPage = { versions: [], more: false };
const LAST_PAGE: VersionPage = { versions: [stored(1, '2025-03-01T12:00:00.000001Z'), stored(2, '2025-03-01T12:00:00.000002Z')], more: false };
const FULL_PAGE: VersionPage = { ...LAST_PAGE, more: true };

describe('TAXII resources of a page', () => {
  it('given nothing, then every resource is {} and no Date-Added headers are sent', () => {
    expect(envelopeOf(EMPTY)).toEqual({});
    expect(manifestOf(EMPTY)).toEqual({});
    expect(versionsOf(EMPTY)).toEqual({});
    expect(dateAddedHeaders(EMPTY)).toEqual({});
  });

  it('given the last page, then more is false and there is no next', () => {
    const envelope = envelopeOf(LAST_PAGE);
    expect(envelope.more).toBe(false);
    expect(envelope.next).toBeUndefined();
    expect(envelope.objects?.map((o) => o.id)).toEqual(LAST_PAGE.versions.map((v) => v.objectId));
  });

  it('given more to come, then next points just after the last version of the page', () => {
    const envelope = envelopeOf(FULL_PAGE);
    expect(envelope.more).toBe(true);
    expect(decodeCursor(envelope.next ?? '')).toEqual({ dateAdded: '2025-03-01T12:00:00.000002Z', sequence: '2' });
  });

  it('sends the first and last date_added of the page', () => {
    expect(dateAddedHeaders(LAST_PAGE)).toEqual({
      'X-TAXII-Date-Added-First': '2025-03-01T12:00:00.000001Z',
      'X-TAXII-Date-Added-Last': '2025-03-01T12:00:00.000002Z',
    });
  });

  it('lists manifest records with the STIX media type, and bare versions', () => {
    expect(manifestOf(LAST_PAGE).objects?.[0]).toEqual({
      id: LAST_PAGE.versions[0]?.objectId,
      date_added: '2025-03-01T12:00:00.000001Z',
      version: '2025-02-03T10:00:00.000Z',
      media_type: 'application/stix+json;version=2.1',
    });
    expect(versionsOf(LAST_PAGE)).toEqual({ more: false, versions: ['2025-02-03T10:00:00.000Z', '2025-02-03T10:00:00.000Z'] });
  });
});
