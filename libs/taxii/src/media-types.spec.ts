import { acceptsTaxii, isTaxiiContentType } from './media-types';
import { decodeCursor, encodeCursor } from './paging-cursor';
import { parseTaxiiTimestamp } from './taxii-timestamp';

describe('TAXII content negotiation', () => {
  it.each([
    [undefined, true],
    ['application/taxii+json;version=2.1', true],
    ['application/taxii+json', true],
    ['Application/TAXII+json ; version=2.1', true],
    ['text/html, application/taxii+json;version=2.1;q=0.5', true],
    ['*/*', true],
    ['application/taxii+json;version=2.0', false],
    ['application/json', false],
    ['application/taxii+json;version=2.1;q=0', false],
  ])('Accept %p → %p', (accept, expected) => {
    expect(acceptsTaxii(accept)).toBe(expected);
  });

  it.each([
    ['application/taxii+json;version=2.1', true],
    ['application/taxii+json; charset=utf-8; version=2.1', true],
    ['application/json', false],
    ['application/stix+json;version=2.1', false],
    [undefined, false],
  ])('Content-Type %p → %p', (contentType, expected) => {
    expect(isTaxiiContentType(contentType)).toBe(expected);
  });
});

describe('paging cursor and timestamps', () => {
  it('round-trips a position and refuses tampered cursors', () => {
    const position = { dateAdded: '2026-11-01T12:00:00.123456Z', sequence: '42' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('garbage')).toBeNull();
    expect(decodeCursor(Buffer.from('2026-11-01T12:00:00Z|x').toString('base64url'))).toBeNull();
  });

  it('normalises added_after to microseconds and refuses what is not RFC 3339 UTC', () => {
    expect(parseTaxiiTimestamp('2026-11-01T12:00:00Z')).toBe('2026-11-01T12:00:00.000000Z');
    expect(parseTaxiiTimestamp('2026-11-01T12:00:00.5Z')).toBe('2026-11-01T12:00:00.500000Z');
    expect(parseTaxiiTimestamp('2026-11-01 12:00:00')).toBeNull();
    expect(parseTaxiiTimestamp('2026-13-01T12:00:00Z')).toBeNull();
    expect(parseTaxiiTimestamp('2025-02-30T00:00:00Z')).toBeNull();
  });
});
