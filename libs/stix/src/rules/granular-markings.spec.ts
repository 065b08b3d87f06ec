import { resolveSelector } from './granular-markings';

const object = {
  description: 'text',
  labels: ['a', 'b'],
  external_references: [{ source_name: 'x', url: 'https://example.org' }],
  extensions: { 'x-ext': { nested: [{ deep: 1 }] } },
};

describe('resolveSelector', () => {
  it.each(['description', 'labels', 'labels.[1]', 'external_references.[0].source_name', 'extensions.x-ext.nested.[0].deep'])('resolves %s', (selector) =>
    expect(resolveSelector(object, selector)).toBe('resolved'),
  );

  it.each(['missing', 'labels.[2]', 'description.text', 'external_references.[0].missing', 'labels.[0].x', 'extensions.x-ext.nested.[1]'])(
    'does not resolve %s',
    (selector) => expect(resolveSelector(object, selector)).toBe('unresolved'),
  );

  it.each(['', 'labels[0]', 'labels.[x]', 'labels.[]', 'labels.[-1]', 'description.', '.description', 'labels..[0]', 'labels.[0'])('refuses the syntax of %s', (selector) =>
    expect(resolveSelector(object, selector)).toBe('syntax'),
  );
});
