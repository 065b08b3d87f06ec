import { scanJson, type JsonLimits } from './scan-json';

const LIMITS: JsonLimits = { maxDepth: 8, maxValues: 50, maxEnvelopeObjects: 3 };

describe('scanJson', () => {
  it.each([
    ['an envelope', '{"objects":[{"id":"a","n":1.5e3,"t":true,"f":false,"z":null,"s":"x\\"y"}]}', 9, 1],
    ['a bundle with whitespace', ' {\n\t"type" : "bundle",\r\n "objects" : [ {} , [ ] , "" ] } ', 6, 3],
    ['an empty object', '{}', 1, 0],
    ['a scalar document', '"text"', 1, 0],
    ['nested objects lists, counted once', '{"objects":[{"objects":[1,2,3,4]}]}', 8, 1],
    ['escaped quotes and backslashes', '{"a\\\\":"\\\\\\"\\\\"}', 2, 0],
  ])('measures %s', (_label, text, values, envelopeObjects) => {
    expect(scanJson(text, LIMITS)).toEqual({ ok: true, values, envelopeObjects });
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.each([
    ['unclosed object', '{"a":1'],
    ['unclosed string', '{"a":"x}'],
    ['trailing comma', '[1,]'],
    ['missing colon', '{"a" 1}'],
    ['unquoted key', '{a:1}'],
    ['two documents', '{} {}'],
    ['mismatched close', '[1}'],
    ['bare word', 'nope'],
    ['empty', ''],
    ['bad escape in a key', '{"\\x":1}'],
  ])('refuses %s as syntax', (_label, text) => {
    expect(scanJson(text, LIMITS)).toEqual({ ok: false, rule: 'syntax' });
  });

  it('refuses nesting past the depth limit, without recursion even for a million levels', () => {
    expect(scanJson('['.repeat(8) + ']'.repeat(8), LIMITS).ok).toBe(true);
    expect(scanJson('['.repeat(9) + ']'.repeat(9), LIMITS)).toEqual({ ok: false, rule: 'depth' });
    expect(scanJson('{"a":'.repeat(9) + '1' + '}'.repeat(9), LIMITS)).toEqual({ ok: false, rule: 'depth' });
    expect(scanJson('['.repeat(1_000_000), { ...LIMITS, maxValues: 2_000_000, maxDepth: 64 })).toEqual({ ok: false, rule: 'depth' });
  });

  it('refuses more values than the limit, containers included', () => {
    expect(scanJson(`[${Array(49).fill('0').join(',')}]`, LIMITS).ok).toBe(true);
    expect(scanJson(`[${Array(50).fill('0').join(',')}]`, LIMITS)).toEqual({ ok: false, rule: 'values' });
  });

  it('refuses more envelope objects than the limit, in an envelope or a bundle', () => {
    expect(scanJson('{"objects":[{},{},{}]}', LIMITS).ok).toBe(true);
    expect(scanJson('{"objects":[{},{},{},{}]}', LIMITS)).toEqual({ ok: false, rule: 'envelope-objects' });
    expect(scanJson('{"type":"bundle","objects":[1,2,3,4]}', LIMITS)).toEqual({ ok: false, rule: 'envelope-objects' });
    expect(scanJson('{"other":[{},{},{},{}]}', LIMITS).ok).toBe(true);
  });

  it.each([
    ['__proto__ at the top', '{"__proto__":{"polluted":true}}'],
    ['constructor inside an object', '{"objects":[{"constructor":{"prototype":{}}}]}'],
    ['prototype deep down', '{"objects":[{"x":{"y":[{"prototype":1}]}}]}'],
    ['an escaped __proto__', '{"\\u005f_proto__":{}}'],
    ['a fully escaped constructor', `{"${[...'constructor'].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')}":1}`],
  ])('refuses %s', (_label, text) => {
    expect(scanJson(text, LIMITS)).toEqual({ ok: false, rule: 'forbidden-key' });
  });

  it.each([
    ['in a value', '{"objects":[{"id":"indicator--\\u0000"}]}'],
    ['in a key', '{"objects":[{"x_\\u0000":1}]}'],
    ['after an escaped backslash', '{"objects":["\\\\\\u0000"]}'],
  ])('refuses a NUL character %s', (_label, text) => {
    expect(scanJson(text, LIMITS)).toEqual({ ok: false, rule: 'nul-character' });
  });

  it('lets an escaped backslash followed by u0000 through: no NUL in that string', () => {
    expect(scanJson('{"objects":["\\\\u0000"]}', LIMITS).ok).toBe(true);
    expect(JSON.parse('["\\\\u0000"]')).toEqual(['\\u0000']);
  });

  it('lets the forbidden words through as values and inside longer keys', () => {
    expect(scanJson('{"name":"__proto__","x_constructor":"prototype"}', LIMITS).ok).toBe(true);
  });

  it('scans a 10 MB envelope in well under a second', () => {
    const object = JSON.stringify({ type: 'indicator', id: 'indicator--x', pattern: "[ipv4-addr:value = '198.51.100.1']", description: 'd'.repeat(900) });
    const text = `{"objects":[${Array(10_000).fill(object).join(',')}]}`;
    const started = process.hrtime.bigint();
    const result = scanJson(text, { maxDepth: 64, maxValues: 200_000, maxEnvelopeObjects: 10_000 });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result).toEqual({ ok: true, values: 50_002, envelopeObjects: 10_000 });
    expect(elapsedMs).toBeLessThan(1_000);
  });
});
