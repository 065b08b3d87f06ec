import { parseFieldPath } from './field-path';

describe('parseFieldPath', () => {
  it.each([
    ['description', ['description']],
    ['external_references[0].description', ['external_references', 0, 'description']],
    ['extensions.pdf-ext.document_info_dict.Author', ['extensions', 'pdf-ext', 'document_info_dict', 'Author']],
    ['additional_header_fields["X-Original-To"]', ['additional_header_fields', 'X-Original-To']],
    ['aliases[12]', ['aliases', 12]],
    ['x["a \\"quoted\\" key"].y', ['x', 'a "quoted" key', 'y']],
    ['["starts with a bracket"]', ['starts with a bracket']],
  ])('reads %s as pii-filter writes it', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });

  it.each(['', '.description', 'description.', 'a..b', 'a[', 'a[]', 'a[-1]', 'a[01]', 'a[1.5]', 'a["unterminated]', 'a["x"', 'a b', 'a[0]b', 'a[9999999]'])(
    'refuses %j',
    (path) => {
      expect(parseFieldPath(path)).toBeNull();
    },
  );

  it('refuses paths deeper than any STIX object nests', () => {
    expect(parseFieldPath(Array.from({ length: 40 }, (_, i) => `k${i}`).join('.'))).toBeNull();
  });
});
