import { StixErrorCode } from '../error-codes';
import { isLanguageTag } from '../language-tag';
import type { StixError } from '../validation-result';
import { isFull, report } from '../validation-result';

/** `lang`, a granular marking's `lang` and language-content's `contents` keys are RFC 5646 tags. */
export function checkLanguageTags(object: Record<string, unknown>, type: string, errors: StixError[]): void {
  if (typeof object.lang === 'string' && !isLanguageTag(object.lang)) {
    report(errors, StixErrorCode.InvalidLanguageTag, '/lang', 'lang must be an RFC 5646 language tag');
  }
  const markings = object.granular_markings;
  if (Array.isArray(markings)) {
    for (let index = 0; index < markings.length && !isFull(errors); index++) {
      const marking: unknown = markings[index];
      const lang = typeof marking === 'object' && marking !== null ? (marking as Record<string, unknown>).lang : undefined;
      if (typeof lang === 'string' && !isLanguageTag(lang)) {
        report(errors, StixErrorCode.InvalidLanguageTag, `/granular_markings/${index}/lang`, 'lang must be an RFC 5646 language tag');
      }
    }
  }
  const contents = object.contents;
  if (type === 'language-content' && typeof contents === 'object' && contents !== null && !Array.isArray(contents)) {
    if (Object.keys(contents).some((key) => !isLanguageTag(key))) {
      report(errors, StixErrorCode.InvalidLanguageTag, '/contents', 'each key of contents must be an RFC 5646 language tag');
    }
  }
}
