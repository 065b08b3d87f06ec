/**
 * RFC 5646 language tags (`en`, `en-US`, `zh-Hant-TW`, `sr-Latn-RS`, `de-CH-1996`, `x-klingon`).
 * The shape only: subtags are not looked up in the IANA registry. Read subtag by subtag, so a long
 * hostile value costs linear time.
 */
const MAX_LENGTH = 128;

/** RFC 5646 §2.1 "irregular" grandfathered tags, which do not follow the grammar. */
const IRREGULAR = new Set([
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
]);

export function isLanguageTag(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) {
    return false;
  }
  const lower = value.toLowerCase();
  if (IRREGULAR.has(lower)) {
    return true;
  }
  const subtags = lower.split('-');
  if (subtags[0] === 'x') {
    return isPrivateUse(subtags, 0);
  }
  return isLangtag(subtags);
}

function isLangtag(subtags: readonly string[]): boolean {
  let index = 0;
  const language = subtags[index++] ?? '';
  if (!isAlpha(language, 2, 8)) {
    return false;
  }
  // Up to three extended language subtags follow a two- or three-letter language.
  if (language.length <= 3) {
    for (let count = 0; count < 3 && isAlpha(subtags[index], 3, 3); count++) {
      index++;
    }
  }
  if (isAlpha(subtags[index], 4, 4)) {
    index++; // script
  }
  if (isAlpha(subtags[index], 2, 2) || isDigits(subtags[index], 3)) {
    index++; // region
  }
  while (isVariant(subtags[index])) {
    index++;
  }
  while (isSingleton(subtags[index])) {
    index++;
    if (!isAlphanumeric(subtags[index], 2, 8)) {
      return false;
    }
    while (isAlphanumeric(subtags[index], 2, 8)) {
      index++;
    }
  }
  if (subtags[index] === 'x') {
    return isPrivateUse(subtags, index);
  }
  return index === subtags.length;
}

/** `x-` followed by one or more subtags of 1 to 8 letters or digits, up to the end. */
function isPrivateUse(subtags: readonly string[], start: number): boolean {
  if (start + 1 >= subtags.length) {
    return false;
  }
  for (let index = start + 1; index < subtags.length; index++) {
    if (!isAlphanumeric(subtags[index], 1, 8)) {
      return false;
    }
  }
  return true;
}

function isVariant(subtag: string | undefined): boolean {
  if (subtag === undefined) {
    return false;
  }
  return isAlphanumeric(subtag, 5, 8) || (subtag.length === 4 && isDigit(subtag.charCodeAt(0)) && isAlphanumeric(subtag, 4, 4));
}

function isSingleton(subtag: string | undefined): boolean {
  return subtag !== undefined && subtag.length === 1 && subtag !== 'x' && isAlphanumeric(subtag, 1, 1);
}

function isAlpha(subtag: string | undefined, min: number, max: number): boolean {
  return every(subtag, min, max, isLetter);
}

function isDigits(subtag: string | undefined, length: number): boolean {
  return every(subtag, length, length, isDigit);
}

function isAlphanumeric(subtag: string | undefined, min: number, max: number): boolean {
  return every(subtag, min, max, (code) => isLetter(code) || isDigit(code));
}

function every(subtag: string | undefined, min: number, max: number, test: (code: number) => boolean): boolean {
  if (subtag === undefined || subtag.length < min || subtag.length > max) {
    return false;
  }
  for (let index = 0; index < subtag.length; index++) {
    if (!test(subtag.charCodeAt(index))) {
      return false;
    }
  }
  return true;
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
