import { csvField, toCsv, wantsCsv } from './csv';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv(['day', 'value'], [['2026-11-01', 3]])).toBe('day,value\r\n2026-11-01,3\r\n');
  });

  it('answers CSV for ?format=csv or Accept: text/csv, JSON otherwise', () => {
    expect(wantsCsv('csv', undefined)).toBe(true);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/csv;q=0.5')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'application/json')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
