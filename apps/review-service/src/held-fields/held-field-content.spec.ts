import { readHeldContent } from './held-field-content';

const OBJECT_ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const FIELDS = [
  { path: 'description', detector: 'email', reason: 'an e-mail address' },
  { path: 'external_references[0].description', detector: 'person-name', reason: 'a person name' },
];
const CLEARED = { type: 'indicator', id: OBJECT_ID, name: 'Phishing sender' };

describe('readHeldContent', () => {
  it('given the sealed values and object, then each listed field comes with its value, in the order listed', () => {
    const opened = { values: { 'external_references[0].description': 'Reported by A. Person', description: 'mail to a@b.example' }, object: CLEARED };
    expect(readHeldContent(opened, { objectId: OBJECT_ID, fields: FIELDS })).toEqual({
      object: CLEARED,
      values: [
        { ...FIELDS[0], value: 'mail to a@b.example' },
        { ...FIELDS[1], value: 'Reported by A. Person' },
      ],
    });
  });

  it('given a non-string value (an array of authors), then it is shown as it was', () => {
    const fields = [{ path: 'authors', detector: 'review', reason: 'names of people' }];
    expect(readHeldContent({ values: { authors: ['A. Person'] }, object: CLEARED }, { objectId: OBJECT_ID, fields })?.values[0]?.value).toEqual(['A. Person']);
  });

  it.each([
    ['not an object', 'text'],
    ['no values', { object: CLEARED }],
    ['no object', { values: { description: 'x', 'external_references[0].description': 'y' } }],
    ['another object', { values: { description: 'x', 'external_references[0].description': 'y' }, object: { ...CLEARED, id: 'indicator--00000000-0000-4000-8000-000000000000' } }],
    ['a listed field missing', { values: { description: 'x' }, object: CLEARED }],
    ['values as an array', { values: ['x'], object: CLEARED }],
  ])('given %s, then it is not read as this task’s content', (_case, opened) => {
    expect(readHeldContent(opened, { objectId: OBJECT_ID, fields: FIELDS })).toBeNull();
  });
});
