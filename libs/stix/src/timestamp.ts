/**
 * RFC 3339 UTC timestamps as STIX writes them: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, any fraction
 * length, naming a real instant (no 30 February, no 24:00, no leap second).
 *
 * The rule is the one `isUtcTimestamp` in @ais/contracts applies; it is read here char by char
 * because this lib is `type:domain` (it may not depend on `type:contracts`) and because it runs
 * several times per object on the validation hot path, where a regex plus a `Date` costs too much.
 */
export function isStixTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const length = value.length;
  if (length < 20 || value.charCodeAt(length - 1) !== 0x5a /* Z */) {
    return false;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (
    value.charCodeAt(4) !== 0x2d ||
    value.charCodeAt(7) !== 0x2d ||
    value.charCodeAt(10) !== 0x54 /* T */ ||
    value.charCodeAt(13) !== 0x3a ||
    value.charCodeAt(16) !== 0x3a
  ) {
    return false;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return false;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return false;
  }
  if (length === 20) {
    return true;
  }
  // A fraction: "." then at least one digit, up to the final "Z".
  if (value.charCodeAt(19) !== 0x2e || length === 21) {
    return false;
  }
  for (let index = 20; index < length - 1; index++) {
    if (!isDigit(value.charCodeAt(index))) {
      return false;
    }
  }
  return true;
}

/**
 * Orders two valid STIX timestamps (negative, zero, positive). Fractions of different lengths
 * compare as numbers (`…:00Z` equals `…:00.000Z`), which a plain string comparison gets wrong.
 */
export function compareStixTimestamps(left: string, right: string): number {
  for (let index = 0; index < 19; index++) {
    const difference = left.charCodeAt(index) - right.charCodeAt(index);
    if (difference !== 0) {
      return difference;
    }
  }
  const leftEnd = left.length - 1;
  const rightEnd = right.length - 1;
  const longest = Math.max(leftEnd, rightEnd);
  for (let index = 20; index < longest; index++) {
    const difference = fractionDigit(left, index, leftEnd) - fractionDigit(right, index, rightEnd);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

function fractionDigit(value: string, index: number, end: number): number {
  return index < end ? value.charCodeAt(index) - 0x30 : 0;
}

/** The decimal number in `value[start, start + count)`, or -1 when a character is not a digit. */
function digits(value: string, start: number, count: number): number {
  let result = 0;
  for (let index = start; index < start + count; index++) {
    const code = value.charCodeAt(index);
    if (!isDigit(code)) {
      return -1;
    }
    result = result * 10 + (code - 0x30);
  }
  return result;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
