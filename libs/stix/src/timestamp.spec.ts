import { compareStixTimestamps, isStixTimestamp } from './timestamp';

describe('isStixTimestamp', () => {
  it.each(['2016-04-06T20:03:48Z', '2016-04-06T20:03:48.000Z', '2016-04-06T20:03:48.123456789Z', '2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '0001-01-01T00:00:00Z'])(
    'accepts %s',
    (value) => expect(isStixTimestamp(value)).toBe(true),
  );

  it.each([
    '2016-04-06T20:03:48',
    '2016-04-06T20:03:48+00:00',
    '2016-04-06 20:03:48Z',
    '2016-04-06t20:03:48z',
    '2016-04-06T20:03:48.Z',
    '2016-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-00-01T00:00:00Z',
    '2016-04-06T24:00:00Z',
    '2016-04-06T23:60:00Z',
    '2016-04-06T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '+2016-04-06T20:03:48Z',
    '2016-4-6T20:03:48Z',
    '2016-04-06T20:03:48.1a2Z',
    '',
  ])('refuses %s', (value) => expect(isStixTimestamp(value)).toBe(false));

  it('refuses what is not a string', () => {
    expect(isStixTimestamp(1_459_973_028_000)).toBe(false);
    expect(isStixTimestamp(null)).toBe(false);
  });
});

describe('compareStixTimestamps', () => {
  it('orders by instant whatever the fraction length', () => {
    expect(compareStixTimestamps('2016-04-06T20:03:48Z', '2016-04-06T20:03:48.000Z')).toBe(0);
    expect(compareStixTimestamps('2016-04-06T20:03:48.1Z', '2016-04-06T20:03:48.09Z')).toBeGreaterThan(0);
    expect(compareStixTimestamps('2016-04-06T20:03:48Z', '2016-04-06T20:03:48.000001Z')).toBeLessThan(0);
    expect(compareStixTimestamps('2015-12-31T23:59:59.999Z', '2016-01-01T00:00:00Z')).toBeLessThan(0);
  });
});
