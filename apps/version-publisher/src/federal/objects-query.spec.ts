import { encodeCursor } from '@ais/taxii';
import { DEFAULT_LIMIT, MAX_LIMIT, parseObjectsQuery, queryParametersOf, type ObjectsQuery, type QueryScope } from './objects-query';

function parse(url: string, scope: QueryScope = 'collection') {
  return parseObjectsQuery(queryParametersOf(url), scope);
}

function query(url: string, scope: QueryScope = 'collection'): ObjectsQuery {
  const result = parse(url, scope);
  if (!result.ok) {
    throw new Error(`expected ${url} to parse: ${result.reason}`);
  }
  return result.query;
}

function reason(url: string, scope: QueryScope = 'collection'): string {
  const result = parse(url, scope);
  if (result.ok) {
    throw new Error(`expected ${url} to be refused`);
  }
  return result.reason;
}

describe('parseObjectsQuery', () => {
  it('given no query string, then the defaults: latest versions, first page of 100, no filters', () => {
    expect(query('/federal/collections/c/objects/')).toEqual({
      addedAfter: null,
      limit: DEFAULT_LIMIT,
      after: null,
      ids: null,
      types: null,
      versions: { all: false, first: false, last: true, timestamps: [] },
      specVersions: null,
    });
  });

  describe('limit', () => {
    it('takes a positive integer', () => {
      expect(query('/o/?limit=25').limit).toBe(25);
    });

    it(`returns at most ${MAX_LIMIT} when more are asked for (TAXII allows fewer)`, () => {
      expect(query('/o/?limit=5000').limit).toBe(MAX_LIMIT);
    });

    it.each(['0', '-1', 'abc', '1.5', '', '1e3', '9999999999'])('refuses %p', (value) => {
      expect(reason(`/o/?limit=${value}`)).toMatch(/^limit must be a positive integer/);
    });

    it('refuses a limit given twice', () => {
      expect(reason('/o/?limit=1&limit=2')).toBe('limit may be given once');
    });
  });

  describe('added_after', () => {
    it('normalises the timestamp to microseconds', () => {
      expect(query('/o/?added_after=2025-03-01T12:00:00.5Z').addedAfter).toBe('2025-03-01T12:00:00.500000Z');
      expect(query('/o/?added_after=2025-03-01T12:00:00Z').addedAfter).toBe('2025-03-01T12:00:00.000000Z');
    });

    it.each(['yesterday', '2025-03-01', '2025-03-01T12:00:00+01:00', '2025-02-30T00:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T12:00:00.1234567Z'])(
      'refuses %p',
      (value) => {
        expect(reason(`/o/?added_after=${encodeURIComponent(value)}`)).toMatch(/^added_after must be an RFC 3339 UTC timestamp/);
      },
    );
  });

  describe('next', () => {
    it('decodes a cursor this server issued', () => {
      const next = encodeCursor({ dateAdded: '2025-03-01T12:00:00.000001Z', sequence: '42' });
      expect(query(`/o/?next=${next}`).after).toEqual({ dateAdded: '2025-03-01T12:00:00.000001Z', sequence: '42' });
    });

    it.each([
      ['garbage', 'not-a-cursor'],
      ['an impossible date', encodeCursor({ dateAdded: '2025-02-30T00:00:00.000000Z', sequence: '1' })],
      ['an overlong sequence', encodeCursor({ dateAdded: '2025-03-01T12:00:00.000001Z', sequence: '1'.repeat(19) })],
      ['empty', ''],
    ])('refuses %s', (_name, value) => {
      expect(reason(`/o/?next=${value}`)).toBe('next must be a value this server returned');
    });
  });

  describe('match[id] and match[type]', () => {
    it('split comma lists, and repeated parameters add up', () => {
      const parsed = query('/o/?match[type]=indicator,malware&match[id]=indicator--1&match[id]=indicator--2');
      expect(parsed.types).toEqual(['indicator', 'malware']);
      expect(parsed.ids).toEqual(['indicator--1', 'indicator--2']);
    });

    it('accept percent-encoded brackets', () => {
      expect(query('/o/?match%5Btype%5D=indicator').types).toEqual(['indicator']);
    });

    it('refuse an empty value in the list', () => {
      expect(reason('/o/?match[type]=indicator,,malware')).toBe('match[type] must be a comma-separated list of non-empty values');
    });

    it('are ignored on one object\'s endpoint, which does not take them', () => {
      const parsed = query('/o/x/?match[type]=indicator&match[id]=indicator--1', 'object');
      expect(parsed.types).toBeNull();
      expect(parsed.ids).toBeNull();
    });

    it('refuse more than 1000 values', () => {
      const ids = Array.from({ length: 1001 }, (_, i) => `indicator--${i}`).join(',');
      expect(reason(`/o/?match[id]=${ids}`)).toBe('match[id] may list at most 1000 values');
    });
  });

  describe('match[version]', () => {
    it.each([
      ['all', { all: true, first: false, last: false, timestamps: [] }],
      ['first', { all: false, first: true, last: false, timestamps: [] }],
      ['first,last', { all: false, first: true, last: true, timestamps: [] }],
      ['2025-02-03T10:00:00.000Z,last', { all: false, first: false, last: true, timestamps: ['2025-02-03T10:00:00.000Z'] }],
    ])('takes %p', (value, expected) => {
      expect(query(`/o/?match[version]=${value}`).versions).toEqual(expected);
    });

    it.each(['latest', '2025-02-03', '2025-02-30T10:00:00Z'])('refuses %p', (value) => {
      expect(reason(`/o/?match[version]=${value}`)).toBe('match[version] values must be first, last, all or STIX timestamps');
    });

    it('is replaced by every version on the versions endpoint', () => {
      expect(query('/o/x/versions/?match[version]=first', 'object-versions').versions).toEqual({ all: true, first: false, last: false, timestamps: [] });
    });
  });

  it('takes match[spec_version] as a list', () => {
    expect(query('/o/?match[spec_version]=2.1').specVersions).toEqual(['2.1']);
  });

  it('ignores parameters it does not know', () => {
    expect(query('/o/?foo=bar&match[color]=red')).toEqual(query('/o/'));
  });
});

describe('queryParametersOf', () => {
  it('keeps order and repeated names, and decodes', () => {
    expect(queryParametersOf('/o/?a=1&b=x%2Cy&a=2')).toEqual([
      ['a', '1'],
      ['b', 'x,y'],
      ['a', '2'],
    ]);
  });

  it('is empty without a query string', () => {
    expect(queryParametersOf('/o/')).toEqual([]);
  });
});
