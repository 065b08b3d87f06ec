import { isPlausibleSsn, ssnDetector } from './ssn.detector';

const detect = (text: string, key = 'description'): string[] => ssnDetector.detect(text, { key }).map((f) => text.slice(f.start, f.end));

describe('SSN detector', () => {
  it('fires on delimited SSNs in range', () => {
    expect(detect('SSN 536-22-1934 on file')).toEqual(['536-22-1934']);
    expect(detect('record 536 22 1934')).toEqual(['536 22 1934']);
  });
  it('rejects mixed separators and longer runs', () => {
    expect(detect('536-22 1934')).toEqual([]);
    expect(detect('1536-22-1934 and 536-22-19345 and A536-22-1934')).toEqual([]);
  });
  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 9xx'],
    ['999-12-3456', 'area 9xx'],
    ['123-00-4567', 'group 00'],
    ['123-45-0000', 'serial 0000'],
    ['111-11-1111', 'one digit repeated'],
    ['078-05-1120', 'Woolworth wallet card'],
    ['219-09-9999', 'SSA advertisement'],
    ['123-45-6789', 'placeholder'],
  ])('rejects %s (%s)', (ssn) => {
    expect(detect(ssn)).toEqual([]);
  });
  it('accepts the range boundaries', () => {
    expect(isPlausibleSsn('001010001')).toBe(true);
    expect(isPlausibleSsn('665999999')).toBe(true);
    expect(isPlausibleSsn('667010001')).toBe(true);
    expect(isPlausibleSsn('899990001')).toBe(true);
  });
  it('needs context for nine bare digits', () => {
    expect(detect('sample 536221934 bytes')).toEqual([]);
    expect(detect('SSN: 536221934')).toEqual(['536221934']);
    expect(detect('536221934', 'x_victim_ssn')).toEqual(['536221934']);
    expect(detect('social security number 536221934')).toEqual(['536221934']);
  });
});
