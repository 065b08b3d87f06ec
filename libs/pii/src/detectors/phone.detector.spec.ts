import { phoneDetector } from './phone.detector';

const detect = (text: string, key = 'description'): string[] => phoneDetector.detect(text, { key }).map((f) => text.slice(f.start, f.end));

describe('phone detector', () => {
  it('finds valid North American numbers in the usual groupings', () => {
    expect(detect('Call (415) 555-2671 or 212-736-5000 or 312.555.0123 today')).toEqual(['(415) 555-2671', '212-736-5000', '312.555.0123']);
    expect(detect('Reporter: 1-617-555-0190')).toEqual(['1-617-555-0190']);
  });
  it('finds international numbers without a region', () => {
    expect(detect('Mobile +44 7911 123456 and +49 30 901820 and 0033 6 12 34 56 78')).toEqual(['+44 7911 123456', '+49 30 901820', '0033 6 12 34 56 78']);
  });
  it('reads national numbers of other regions only with a phone context word', () => {
    expect(detect('Ref 020 7946 0958 in the log')).toEqual([]);
    expect(detect('Tel: 020 7946 0958')).toEqual(['020 7946 0958']);
  });
  it('needs a separator, a + or context for a bare digit run', () => {
    expect(detect('pid 2025550143 exited')).toEqual([]);
    expect(detect('phone 2025550143')).toEqual(['2025550143']);
    expect(detect('2025550143', 'x_mobile')).toEqual(['2025550143']);
  });
  it('rejects numbers the library says are invalid, dates, IPs, versions and ticket numbers', () => {
    expect(detect('+1 555 010 0000')).toEqual([]);
    expect(detect('(123) 456-7890')).toEqual([]); // no area code starts with 1
    expect(detect('2023-10-05 12:00:00 from 192.168.100.200 build 10.0.19041.1')).toEqual([]);
    expect(detect('change ticket 2024-4286-11 applied')).toEqual([]);
  });
  it('leaves toll-free and premium-rate numbers (organisations) alone', () => {
    expect(detect('support line +1 888 323 5713 or 1-800-555-0199')).toEqual([]);
  });
  it('bounds the digit count (boundary: 7 to 15)', () => {
    expect(detect('+1 202 555 0143 1234 5678')).toEqual([]);
  });
});
