import { readManualContent } from './manual-submission-content';

const valid = {
  channel: 'email',
  receivedAt: '2026-11-01T12:00:00.000Z',
  fields: { kind: 'indicator', title: 'x', organisation: 'Org', contactEmail: 'a@b.example', sector: 'energy', country: 'US', consent: 'none' },
  stixObjects: [{ type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }],
};

describe('readManualContent', () => {
  it('reads what the manual channels seal', () => {
    expect(readManualContent(valid)).toMatchObject({ channel: 'email', fields: { kind: 'indicator', sector: 'energy' } });
  });

  it('refuses anything else', () => {
    expect(readManualContent(null)).toBeNull();
    expect(readManualContent({ objects: [], submitter: {} })).toBeNull();
    expect(readManualContent({ ...valid, fields: { ...valid.fields, consent: 'maybe' } })).toBeNull();
    expect(readManualContent({ ...valid, stixObjects: [{ id: 'no-type' }] })).toBeNull();
  });
});
