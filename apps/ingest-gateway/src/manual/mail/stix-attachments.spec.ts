import { isStixAttachment, readStixAttachments, type MailAttachment } from './stix-attachments';

const indicator = { type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern: "[ipv4-addr:value = '198.51.100.7']" };
const coa = { type: 'course-of-action', id: 'course-of-action--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', name: 'Block' };

function json(value: unknown, contentType = 'application/stix+json'): MailAttachment {
  return { contentType, filename: 'x.json', content: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) };
}

describe('STIX attachments', () => {
  it('recognises STIX and JSON parts by media type or file name', () => {
    expect(isStixAttachment({ contentType: 'application/stix+json;version=2.1' })).toBe(true);
    expect(isStixAttachment({ contentType: 'application/octet-stream', filename: 'bundle.JSON' })).toBe(true);
    expect(isStixAttachment({ contentType: 'image/png', filename: 'logo.png' })).toBe(false);
  });

  it('reads bundles, envelopes, arrays and single objects', () => {
    const result = readStixAttachments([json({ type: 'bundle', id: 'bundle--1', objects: [indicator] }), json({ objects: [coa] }), json([indicator]), json(coa)]);
    expect(result).toEqual({ ok: true, objects: [indicator, coa, indicator, coa] });
  });

  it('names the attachment and the object at fault, never their content', () => {
    const result = readStixAttachments([json('{"secret": '), json({ type: 'bundle', objects: [] }), json([indicator, { type: 'indicator', id: 'jane-doe' }])]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'attachment 1 is not valid UTF-8 JSON',
        'attachment 2 must be a STIX bundle, a TAXII envelope, an array of STIX objects or one STIX object',
        'attachment 3: object 2 needs a lowercase "type" and an "id" of the form <type>--<id>',
      ],
    });
    expect(JSON.stringify(result)).not.toContain('jane');
  });
});
