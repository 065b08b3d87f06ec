import { parseMailBody } from './mail-body';

describe('parseMailBody', () => {
  it('reads the documented keys case-insensitively, with continuation lines', () => {
    const body = [
      'Hello team,',
      '',
      'kind: Indicator',
      'TITLE: Phishing sender',
      'Description: Fake invoices',
      '  with a link to a credential form',
      '\tsince Monday.',
      'Observable-Type: email-address',
      'Observable Value: billing@evil.example',
      'TLP: green',
      'Organization: Example Power',
      'Sector: Energy',
      'Country: US',
      'Consent: none',
      'Thanks: the SOC',
    ].join('\r\n');
    expect(parseMailBody(body)).toEqual({
      fields: {
        kind: 'Indicator',
        title: 'Phishing sender',
        description: 'Fake invoices\nwith a link to a credential form\nsince Monday.',
        observableType: 'email-address',
        observableValue: 'billing@evil.example',
        tlp: 'green',
        organisation: 'Example Power',
        sector: 'Energy',
        country: 'US',
        consent: 'none',
      },
      duplicates: [],
    });
  });

  it('ignores quoted lines and everything after a signature line, and reports repeated keys', () => {
    const body = ['Title: first', '> Title: quoted', 'title: second', 'Action: block', '-- ', 'Country: US'].join('\n');
    expect(parseMailBody(body)).toEqual({ fields: { title: 'first', action: 'block' }, duplicates: ['title'] });
  });

  it('keeps colons inside values and leaves unknown keys and URLs alone', () => {
    expect(parseMailBody('Observable-Value: https://evil.example:8443/x\nhttps://not-a-key.example\nFoo: bar').fields).toEqual({
      observableValue: 'https://evil.example:8443/x',
    });
  });
});
