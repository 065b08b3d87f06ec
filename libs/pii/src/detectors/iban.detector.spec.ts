import { ibanDetector } from './iban.detector';

const detect = (text: string): string[] => ibanDetector.detect(text, { key: 'description' }).map((f) => text.slice(f.start, f.end));

describe('IBAN detector', () => {
  it('fires on compact and grouped IBANs with a valid checksum', () => {
    expect(detect('pay DE89370400440532013000 now')).toEqual(['DE89370400440532013000']);
    expect(detect('IBAN: GB29 NWBK 6016 1331 9268 19.')).toEqual(['GB29 NWBK 6016 1331 9268 19']);
    expect(detect('nl91abna0417164300')).toEqual(['nl91abna0417164300']);
  });
  it('rejects a checksum failure and a wrong country length', () => {
    expect(detect('DE89370400440532013001')).toEqual([]);
    expect(detect('DE893704004405320130001')).toEqual([]);
  });
  it('cuts the candidate at the country length when an upper-case word follows', () => {
    expect(detect('DE89 3704 0044 0532 0130 00 IBAN')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });
  it('ignores unknown countries and look-alikes', () => {
    expect(detect('XX89370400440532013000 and SHA256 E3B0C44298FC1C149AFBF4C8996FB924')).toEqual([]);
  });
});
