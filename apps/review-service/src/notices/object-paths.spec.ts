import { isWithin, objectFields } from './object-paths';

describe('objectFields', () => {
  it('lists every field but the identity, containers and leaves, as pii-filter writes paths; text under a name is redactable', () => {
    const object = {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
      description: 'Call Jane on 555-0100',
      labels: ['a'],
      external_references: [{ source_name: 'ticket', 'x y': 'z' }],
      confidence: 75,
    };
    expect(objectFields(object)).toEqual([
      { path: 'description', redactable: true },
      { path: 'labels', redactable: false },
      { path: 'labels[0]', redactable: false },
      { path: 'external_references', redactable: false },
      { path: 'external_references[0]', redactable: false },
      { path: 'external_references[0].source_name', redactable: true },
      { path: 'external_references[0]["x y"]', redactable: true },
      { path: 'confidence', redactable: false },
    ]);
  });
});

describe('isWithin', () => {
  it.each([
    ['a', 'a', true],
    ['a.b', 'a', true],
    ['a[0]', 'a', true],
    ['ab', 'a', false],
    ['a', 'a.b', false],
  ])('%s within %s: %s', (path, ancestor, expected) => {
    expect(isWithin(path, ancestor)).toBe(expected);
  });
});
