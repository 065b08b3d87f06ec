import { parseEnvelope, statusKeyOf } from './parse-envelope';

describe('parseEnvelope', () => {
  it('reads the objects of an envelope or a bundle', () => {
    expect(parseEnvelope(Buffer.from('{"objects":[{"id":"a"}]}'))).toEqual({ ok: true, objects: [{ id: 'a' }] });
    expect(parseEnvelope(Buffer.from('{"type":"bundle","id":"bundle--1","objects":[{"id":"a"}]}'))).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', '{"objects":'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d])],
    ['an array', '[]'],
    ['no objects', '{"more":false}'],
    ['empty objects', '{"objects":[]}'],
  ])('refuses %s with a reason', (_label, body) => {
    const result = parseEnvelope(Buffer.isBuffer(body) ? body : Buffer.from(body));
    expect(result.ok).toBe(false);
  });

  it('takes the status id and version from id and modified, else created', () => {
    expect(statusKeyOf({ id: 'x', modified: 'm', created: 'c' })).toEqual({ id: 'x', version: 'm' });
    expect(statusKeyOf({ id: 'x', created: 'c' })).toEqual({ id: 'x', version: 'c' });
    expect(statusKeyOf('text')).toEqual({ id: null, version: null });
  });
});
