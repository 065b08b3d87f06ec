/** Bounds on a JSON document, checked before it is parsed. */
export interface JsonLimits {
  /** Deepest nesting of objects and arrays; the envelope itself is level 1, its `objects` list level 2. */
  readonly maxDepth: number;
  /** Values in the whole document: every object, array, string, number, boolean and null. */
  readonly maxValues: number;
  /** Members of the top-level object's `objects` list (the envelope's, or a bundle's). */
  readonly maxEnvelopeObjects: number;
}

/** Which rule a document broke. */
export type JsonRule = 'syntax' | 'depth' | 'values' | 'envelope-objects' | 'forbidden-key' | 'nul-character';

export type JsonScan = { readonly ok: true; readonly values: number; readonly envelopeObjects: number } | { readonly ok: false; readonly rule: JsonRule };

/**
 * Property names that reach `Object.prototype` when copied naively (`target[key] = value`,
 * recursive merges): a document that uses any of them, at any depth and however escaped, is
 * refused, so no later stage has to be careful with them.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const enum Container {
  Object,
  Array,
}

const enum Expect {
  /** A value (start of document, after `:`, after `,` in an array). */
  Value,
  /** A value or `]` (just after `[`). */
  ValueOrClose,
  /** A key or `}` (just after `{`). */
  KeyOrClose,
  /** A key (after `,` in an object). */
  Key,
  Colon,
  /** `,` or the container's end, or the end of the document at depth 0. */
  Next,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2b || code === 0x2e || code === 0x65 || code === 0x45;
}

/**
 * Whether a string of the document holds U+0000: JSON can only write it as the escape `\u0000`
 * (a raw one is a syntax error), and an escape is one whose backslash is not itself escaped.
 * PostgreSQL's text and jsonb hold no such character, so no stage could store the object.
 */
function hasNulEscape(text: string): boolean {
  for (let at = text.indexOf('\\u0000'); at >= 0; at = text.indexOf('\\u0000', at + 1)) {
    let backslashes = 0;
    for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return true;
    }
  }
  return false;
}

/** Index of the quote that closes the string opened just before `start`, or -1. */
function closingQuote(text: string, start: number): number {
  let from = start;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      return -1;
    }
    let backslashes = 0;
    for (let i = quote - 1; i >= start && text.charCodeAt(i) === BACKSLASH; i--) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return quote;
    }
    from = quote + 1;
  }
}

/** A key as JSON.parse would read it (escapes resolved), or null when its escapes are invalid. */
function decodeKey(raw: string): string | null {
  if (!raw.includes('\\')) {
    return raw;
  }
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return null;
  }
}

/**
 * One pass over a JSON text, without recursion and without building values: counts depth,
 * values and envelope objects and reads every property name, stopping at the first broken limit.
 * Memory is bounded by `maxDepth`, so a deeply nested or huge document costs one linear scan.
 *
 * It follows the JSON grammar closely enough that a document it passes has the depth, counts
 * and keys it measured; JSON.parse, run afterwards, stays the judge of syntax details (number
 * forms, control characters in strings).
 */
export function scanJson(text: string, limits: JsonLimits): JsonScan {
  const stack: Container[] = [];
  let expect = Expect.Value;
  let values = 0;
  let envelopeObjects = 0;
  /** Depth of the envelope's `objects` list while it is open, else -1. */
  let objectsListDepth = -1;
  /** The last key read directly in the top-level object. */
  let rootKey: string | null = null;
  let i = 0;
  const length = text.length;

  const fail = (rule: JsonRule): JsonScan => ({ ok: false, rule });
  if (hasNulEscape(text)) {
    return fail('nul-character');
  }

  while (i < length) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) {
      i++;
      continue;
    }
    switch (expect) {
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (code === 0x7d && expect === Expect.KeyOrClose) {
          stack.pop();
          expect = Expect.Next;
          i++;
          break;
        }
        if (code !== QUOTE) {
          return fail('syntax');
        }
        const end = closingQuote(text, i + 1);
        if (end < 0) {
          return fail('syntax');
        }
        const key = decodeKey(text.slice(i + 1, end));
        if (key === null) {
          return fail('syntax');
        }
        if (FORBIDDEN_KEYS.has(key)) {
          return fail('forbidden-key');
        }
        if (stack.length === 1) {
          rootKey = key;
        }
        expect = Expect.Colon;
        i = end + 1;
        break;
      }
      case Expect.Colon: {
        if (code !== 0x3a) {
          return fail('syntax');
        }
        expect = Expect.Value;
        i++;
        break;
      }
      case Expect.Next: {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          // Only whitespace may follow the document.
          return fail('syntax');
        }
        if (code === 0x2c) {
          expect = top === Container.Object ? Expect.Key : Expect.Value;
          i++;
        } else if ((code === 0x7d && top === Container.Object) || (code === 0x5d && top === Container.Array)) {
          if (stack.length === objectsListDepth) {
            objectsListDepth = -1;
          }
          stack.pop();
          i++;
        } else {
          return fail('syntax');
        }
        break;
      }
      case Expect.Value:
      case Expect.ValueOrClose: {
        if (code === 0x5d && expect === Expect.ValueOrClose) {
          if (stack.length === objectsListDepth) {
            objectsListDepth = -1;
          }
          stack.pop();
          expect = Expect.Next;
          i++;
          break;
        }
        if (++values > limits.maxValues) {
          return fail('values');
        }
        if (objectsListDepth > 0 && stack.length === objectsListDepth && ++envelopeObjects > limits.maxEnvelopeObjects) {
          return fail('envelope-objects');
        }
        if (code === 0x7b || code === 0x5b) {
          const container = code === 0x7b ? Container.Object : Container.Array;
          if (container === Container.Array && stack.length === 1 && stack[0] === Container.Object && rootKey === 'objects') {
            objectsListDepth = 2;
          }
          stack.push(container);
          if (stack.length > limits.maxDepth) {
            return fail('depth');
          }
          expect = container === Container.Object ? Expect.KeyOrClose : Expect.ValueOrClose;
          i++;
          break;
        }
        if (code === QUOTE) {
          const end = closingQuote(text, i + 1);
          if (end < 0) {
            return fail('syntax');
          }
          i = end + 1;
        } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
          i++;
          while (i < length && isNumberChar(text.charCodeAt(i))) {
            i++;
          }
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
        } else if (text.startsWith('false', i)) {
          i += 5;
        } else {
          return fail('syntax');
        }
        expect = Expect.Next;
        break;
      }
      default: {
        const unreachable: never = expect;
        return unreachable;
      }
    }
  }
  // A complete document ends at depth 0 right after a value.
  return stack.length === 0 && expect === Expect.Next ? { ok: true, values, envelopeObjects } : fail('syntax');
}
