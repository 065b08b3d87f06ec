import { isISO31661Alpha2 } from 'class-validator';
import { COUNTRY_CODES } from './web-form/countries';
import { FIELDS_ONLY, validateManualFields, type RawFields } from './manual-submission.dto';

const submitter: RawFields = {
  tlp: 'green',
  organisation: 'Example Power Cooperative',
  contactEmail: 'soc@power.example',
  sector: 'energy',
  city: 'Austin',
  state: 'TX',
  country: 'US',
  consent: 'none',
};
const indicator: RawFields = { ...submitter, kind: 'indicator', title: 'Scanning host', observableType: 'ipv4', observableValue: '198.51.100.7' };
const defensiveMeasure: RawFields = { ...submitter, kind: 'defensive-measure', title: 'Block C2 port', action: 'Block outbound TCP 4444' };

function problemsOf(raw: RawFields, mode = FIELDS_ONLY) {
  const result = validateManualFields(raw, mode);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.problem}`);
}

describe('validateManualFields (web form and e-mail alike)', () => {
  it('accepts a complete indicator and a complete defensive measure, normalised', () => {
    const result = validateManualFields({ ...indicator, kind: ' Indicator ', tlp: 'TLP:GREEN', sector: 'Energy', country: 'us', consent: 'USG' }, FIELDS_ONLY);
    expect(result).toEqual({ ok: true, fields: { ...indicator, consent: 'usg' } });
    expect(validateManualFields({ ...defensiveMeasure, kind: 'Defensive Measure' }, FIELDS_ONLY)).toEqual({ ok: true, fields: defensiveMeasure });
  });

  it('names every missing required field at once, in form order', () => {
    expect(problemsOf({})).toEqual([
      'kind:missing',
      'title:missing',
      'tlp:missing',
      'organisation:missing',
      'contactEmail:missing',
      'sector:missing',
      'city:missing',
      'country:missing',
      'consent:missing',
    ]);
  });

  it('wants a city or a state, either one being enough', () => {
    expect(problemsOf({ ...indicator, city: undefined })).toEqual([]);
    expect(problemsOf({ ...indicator, state: undefined })).toEqual([]);
    const result = validateManualFields({ ...indicator, city: '', state: undefined }, FIELDS_ONLY);
    expect(result).toEqual({ ok: false, problems: [{ field: 'city', problem: 'missing', message: 'or state is required' }] });
  });

  it('requires the observable for an indicator and the action for a defensive measure, and drops the other kind’s fields', () => {
    expect(problemsOf({ ...indicator, observableType: undefined, observableValue: ' ' })).toEqual(['observableType:missing', 'observableValue:missing']);
    expect(problemsOf({ ...defensiveMeasure, action: '' })).toEqual(['action:missing']);
    const result = validateManualFields({ ...defensiveMeasure, observableType: 'ipv4', observableValue: 'not an address' }, FIELDS_ONLY);
    expect(result.ok && result.fields).toEqual(defensiveMeasure);
  });

  it.each([
    ['ipv4', '198.51.100.7', true],
    ['ipv4', '198.51.100.0/24', true],
    ['ipv4', '198.51.100.300', false],
    ['ipv6', '2001:db8::1', true],
    ['ipv6', '2001:db8::/129', false],
    ['domain', 'evil.example', true],
    ['domain', 'not a domain', false],
    ['url', "https://evil.example/a'b?c=1", true],
    ['url', 'evil.example/login', false],
    ['file sha-256', 'A'.repeat(64), true],
    ['sha256', 'a'.repeat(63), false],
    ['email', 'billing@evil.example', true],
    ['email-address', 'billing at evil', false],
  ])('checks a %s observable %s (valid: %s)', (observableType, observableValue, valid) => {
    expect(problemsOf({ ...indicator, observableType, observableValue })).toEqual(valid ? [] : ['observableValue:invalid']);
  });

  it('lower-cases a SHA-256 hash and reports an unknown observable type without judging the value', () => {
    const result = validateManualFields({ ...indicator, observableType: 'SHA-256', observableValue: 'AB'.repeat(32) }, FIELDS_ONLY);
    expect(result.ok && result.fields.observableValue).toBe('ab'.repeat(32));
    expect(problemsOf({ ...indicator, observableType: 'mutex', observableValue: 'x' })).toEqual(['observableType:invalid']);
  });

  it('refuses values outside the vocabularies and over the length limits', () => {
    expect(problemsOf({ ...indicator, tlp: 'red', sector: 'space', country: 'XX', consent: 'maybe', contactEmail: 'soc', title: 't'.repeat(201) })).toEqual([
      'title:invalid',
      'tlp:invalid',
      'contactEmail:invalid',
      'sector:invalid',
      'country:invalid',
      'consent:invalid',
    ]);
  });

  it('never quotes a submitted value in a message', () => {
    const secret = 'jane.doe-secret';
    const result = validateManualFields({ ...indicator, observableValue: secret, country: secret, sector: secret, title: secret.repeat(20) }, FIELDS_ONLY);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('jane');
  });

  it('lets STIX attachments stand in for the content fields, but still requires who sent them', () => {
    expect(problemsOf({ ...submitter, tlp: undefined }, { stixObjectTypes: ['indicator'] })).toEqual([]);
    const result = validateManualFields(submitter, { stixObjectTypes: ['course-of-action'] });
    expect(result.ok && result.fields.kind).toBe('defensive-measure');
    expect(problemsOf({ kind: 'indicator' }, { stixObjectTypes: ['indicator'] })).toEqual([
      'organisation:missing',
      'contactEmail:missing',
      'sector:missing',
      'city:missing',
      'country:missing',
      'consent:missing',
    ]);
  });

  it('offers only country codes the validator accepts', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(COUNTRY_CODES.filter((code) => !isISO31661Alpha2(code))).toEqual([]);
  });
});
