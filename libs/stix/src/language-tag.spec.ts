import { isLanguageTag } from './language-tag';

describe('isLanguageTag (RFC 5646 shape)', () => {
  it.each(['en', 'EN', 'en-US', 'de-CH-1996', 'zh-Hant-TW', 'sr-Latn-RS', 'es-419', 'zh-yue-HK', 'en-a-bbb-x-private', 'x-klingon', 'i-klingon', 'en-GB-oed', 'english', 'sl-rozaj-biske', 'de-DE-u-co-phonebk'])(
    'accepts %s',
    (tag) => expect(isLanguageTag(tag)).toBe(true),
  );

  it.each(['', 'e', 'en_US', 'en-', '-en', 'de--DE', '123', 'toolonglanguage', 'en-US-x', 'en-a', 'en-a-b', 'x', 'en-US-'.padEnd(200, 'a'), 'fr CA'])(
    'refuses %s',
    (tag) => expect(isLanguageTag(tag)).toBe(false),
  );
});
