import { emailDetector } from './email.detector';

const detect = (text: string): string[] => emailDetector.detect(text, { key: 'description' }).map((f) => text.slice(f.start, f.end));

describe('email detector', () => {
  it('finds addresses in prose, trimming sentence punctuation', () => {
    expect(detect('Mail jane.doe@example.com.')).toEqual(['jane.doe@example.com']);
    expect(detect('<o.okafor+work@mail.contoso.co.uk>, m_garcia@fabrikam.com')).toEqual(['o.okafor+work@mail.contoso.co.uk', 'm_garcia@fabrikam.com']);
  });
  it('validates the domain: two labels, an alphabetic top-level label, no file extension', () => {
    expect(detect('user@localhost')).toEqual([]);
    expect(detect('logo@2x.png and icon@3x.svg')).toEqual([]);
    expect(detect('a@b.c1')).toEqual([]);
    expect(detect('x@-bad.com')).toEqual([]);
    expect(detect('@ais/contracts')).toEqual([]);
  });
  it('validates the local part', () => {
    expect(detect('.a..b@corp.com')).toEqual([]);
    expect(detect('ok.name@corp.com')).toEqual(['ok.name@corp.com']);
  });
  it('leaves role mailboxes alone', () => {
    expect(detect('Send samples to abuse@contoso.com or soc@contoso.com; git@github.com:org/x.git')).toEqual([]);
  });
  it('rejects a local part longer than 64 characters (boundary)', () => {
    expect(detect(`${'a'.repeat(64)}@corp.com`)).toHaveLength(1);
    expect(detect(`${'a'.repeat(65)}@corp.com`)).toEqual([]);
  });
});
