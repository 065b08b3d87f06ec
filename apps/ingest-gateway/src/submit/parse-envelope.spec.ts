import { parseEnvelope, statusKeyOf, versionKeyOf } from './parse-envelope';

describe('parseEnvelope', () => {
  it('reads the objects of an envelope or a bundle', () => {
    expect(parseEnvelope(Buffer.from('{"objects":[{"id":"a"}]}'))).toEqual({ ok: true, objects: [{ id: 'a' }] });
    expect(parseEnvelope(Buffer.from('{"type":"bundle","id":"bundle--1","objects":[{"id":"a"}]}'))).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', '{"objects":', 'syntax'],
    ['JSON the scan passes but the parser refuses', '{"objects":[01]}', 'syntax'],
    ['a raw control character in a string', '{"objects":["a\tb"]}', 'syntax'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'encoding'],
    ['an array', '[]', 'not-an-object'],
    ['no objects', '{"more":false}', 'no-objects'],
    ['objects that is not a list', '{"objects":{}}', 'no-objects'],
    ['empty objects', '{"objects":[]}', 'no-objects'],
    ['deep nesting', `{"objects":[${'['.repeat(100)}${']'.repeat(100)}]}`, 'depth'],
    ['a __proto__ key', '{"objects":[{"__proto__":{"isAdmin":true}}]}', 'forbidden-key'],
    ['a NUL character', '{"objects":[{"id":"isAdmin\\u0000"}]}', 'nul-character'],
  ])('refuses %s with a reason naming the rule', (_label, body, problem) => {
    const result = parseEnvelope(Buffer.isBuffer(body) ? body : Buffer.from(body));
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.reason).not.toMatch(/isAdmin|01/);
  });

  it('names the numeric limit it applied', () => {
    const result = parseEnvelope(Buffer.from('{"objects":[1,2,3]}'), { maxDepth: 64, maxValues: 1000, maxEnvelopeObjects: 2 });
    expect(result).toEqual({ ok: false, problem: 'envelope-objects', reason: 'the envelope carries more than 2 objects' });
  });

  it('takes the status id and version from id and modified, else created', () => {
    expect(statusKeyOf({ id: 'x', modified: 'm', created: 'c' })).toEqual({ id: 'x', version: 'm' });
    expect(statusKeyOf({ id: 'x', created: 'c' })).toEqual({ id: 'x', version: 'c' });
    expect(statusKeyOf('text')).toEqual({ id: null, version: null });
  });

  it('recognises duplicates only by a whole id and version', () => {
    expect(versionKeyOf({ id: 'x', modified: 'm', created: 'c' })).toEqual({ id: 'x', version: 'm' });
    expect(versionKeyOf({ id: 'x' })).toBeNull();
    expect(versionKeyOf({ id: 'x'.repeat(301), modified: 'm' })).toBeNull();
    expect(versionKeyOf({ id: 7, modified: 'm' })).toBeNull();
  });
});
