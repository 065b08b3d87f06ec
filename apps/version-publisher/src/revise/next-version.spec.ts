import { nextVersion, stampVersion } from './next-version';

describe('nextVersion', () => {
  it('takes the candidate when it is later than the latest version, in milliseconds UTC', () => {
    expect(nextVersion('2026-11-02T09:00:00Z', '2026-11-01T00:00:00.000Z')).toBe('2026-11-02T09:00:00.000Z');
    expect(nextVersion('2026-11-02T10:00:00+01:00', '2026-11-01T00:00:00.000Z')).toBe('2026-11-02T09:00:00.000Z');
  });

  it('goes one millisecond past the latest version when the candidate is not later', () => {
    expect(nextVersion('2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toBe('2026-11-01T00:00:00.001Z');
    expect(nextVersion('2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00Z')).toBe('2026-11-01T00:00:00.001Z');
  });

  it('stays strictly later than a latest version with more precision than milliseconds', () => {
    expect(nextVersion('2026-11-01T00:00:00.123Z', '2026-11-01T00:00:00.123999Z')).toBe('2026-11-01T00:00:00.124Z');
    expect(nextVersion('2026-11-01T00:00:00.124Z', '2026-11-01T00:00:00.123999Z')).toBe('2026-11-01T00:00:00.124Z');
  });

  it('ignores a candidate that is not a timestamp', () => {
    expect(nextVersion('yesterday', '2026-11-01T00:00:00.000Z')).toBe('2026-11-01T00:00:00.001Z');
  });
});

describe('stampVersion', () => {
  it('sets modified on SDOs and SROs', () => {
    expect(stampVersion({ type: 'indicator', id: 'indicator--x', created: 'c', modified: 'm' }, 'v')).toEqual({ type: 'indicator', id: 'indicator--x', created: 'c', modified: 'v' });
    expect(stampVersion({ type: 'note', id: 'note--x', created: 'c' }, 'v')).toMatchObject({ modified: 'v' });
  });

  it('leaves SCOs without modified', () => {
    expect(stampVersion({ type: 'email-addr', id: 'email-addr--x', value: 'a' }, 'v')).toEqual({ type: 'email-addr', id: 'email-addr--x', value: 'a' });
  });
});
