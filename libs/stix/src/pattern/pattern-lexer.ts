import { StixErrorCode } from '../error-codes';
import { isStixTimestamp } from '../timestamp';
import { PatternFailure } from './pattern-failure';

export enum TokenKind {
  End,
  LeftBracket,
  RightBracket,
  LeftParen,
  RightParen,
  Comma,
  Colon,
  Dot,
  Star,
  /** `=`, `!=` (also written `<>`), `<`, `>`, `<=`, `>=`; the text is in `text`. */
  Operator,
  /** Names and keywords alike; the parser tells them apart by position. */
  Identifier,
  String,
  Integer,
  Float,
  Timestamp,
  Hex,
  Binary,
}

const QUOTE = 0x27;
const BACKSLASH = 0x5c;

/**
 * Reads a STIX pattern one token at a time, char by char, never backtracking: the cost is linear
 * in the length of the pattern whatever it holds (runs of quotes, backslashes, digits).
 * `kind`, `start`, `text` and `number` describe the current token; `advance()` moves on.
 */
export class PatternLexer {
  kind = TokenKind.End;
  /** Offset of the current token in the pattern. */
  start = 0;
  /** Identifier or operator text; the decoded value of string, timestamp, hex and binary literals. */
  text = '';
  /** The value of an integer or float literal. */
  number = 0;

  private position = 0;

  constructor(private readonly source: string) {}

  /** The kind of the current token (a call, so that the compiler does not narrow it across `advance()`). */
  current(): TokenKind {
    return this.kind;
  }

  advance(): void {
    const previous = this.kind;
    const source = this.source;
    let at = this.position;
    while (at < source.length && isSpace(source.charCodeAt(at))) {
      at++;
    }
    this.start = at;
    if (at >= source.length) {
      this.kind = TokenKind.End;
      this.position = at;
      return;
    }
    const code = source.charCodeAt(at);
    switch (code) {
      case 0x5b:
        return this.single(TokenKind.LeftBracket, at);
      case 0x5d:
        return this.single(TokenKind.RightBracket, at);
      case 0x28:
        return this.single(TokenKind.LeftParen, at);
      case 0x29:
        return this.single(TokenKind.RightParen, at);
      case 0x2c:
        return this.single(TokenKind.Comma, at);
      case 0x3a:
        return this.single(TokenKind.Colon, at);
      case 0x2a:
        return this.single(TokenKind.Star, at);
      case 0x2e:
        // `.5` is a number only where a literal may stand; elsewhere "." joins path steps.
        if (isDigit(source.charCodeAt(at + 1)) && literalMayFollow(previous)) {
          return this.readNumber(at);
        }
        return this.single(TokenKind.Dot, at);
      case 0x3d:
        if (source.charCodeAt(at + 1) === 0x3d) {
          throw new PatternFailure(StixErrorCode.PatternUnknownOperator, 'unknown comparison operator ("=" compares for equality)', at);
        }
        return this.operator('=', at, 1);
      case 0x21:
        if (source.charCodeAt(at + 1) === 0x3d) {
          return this.operator('!=', at, 2);
        }
        throw new PatternFailure(StixErrorCode.PatternUnknownOperator, 'unknown comparison operator', at);
      case 0x3c: {
        const next = source.charCodeAt(at + 1);
        if (next === 0x3d) {
          return this.operator('<=', at, 2);
        }
        return next === 0x3e ? this.operator('!=', at, 2) : this.operator('<', at, 1);
      }
      case 0x3e:
        return source.charCodeAt(at + 1) === 0x3d ? this.operator('>=', at, 2) : this.operator('>', at, 1);
      case QUOTE:
        return this.readQuoted(TokenKind.String, at, at);
      default:
        break;
    }
    if (isDigit(code) || ((code === 0x2b || code === 0x2d) && startsNumber(source, at + 1))) {
      return this.readNumber(at);
    }
    if (isNameStart(code)) {
      if (source.charCodeAt(at + 1) === QUOTE) {
        // t'…', h'…' and b'…' literals.
        if (code === 0x74) {
          return this.readQuoted(TokenKind.Timestamp, at, at + 1);
        }
        if (code === 0x68) {
          return this.readQuoted(TokenKind.Hex, at, at + 1);
        }
        if (code === 0x62) {
          return this.readQuoted(TokenKind.Binary, at, at + 1);
        }
      }
      return this.readIdentifier(at);
    }
    throw new PatternFailure(StixErrorCode.PatternSyntax, 'unexpected character', at);
  }

  private single(kind: TokenKind, at: number): void {
    this.kind = kind;
    this.position = at + 1;
  }

  private operator(text: string, at: number, length: number): void {
    this.kind = TokenKind.Operator;
    this.text = text;
    this.position = at + length;
  }

  /** Letters, digits, "_" and "-" (object types such as `ipv4-addr` carry hyphens). */
  private readIdentifier(at: number): void {
    const source = this.source;
    let end = at + 1;
    while (end < source.length && isNamePart(source.charCodeAt(end))) {
      end++;
    }
    this.kind = TokenKind.Identifier;
    this.text = source.slice(at, end);
    this.position = end;
  }

  /** `[+-]digits[.digits]` or `[+-].digits`; integers have no leading zero. */
  private readNumber(at: number): void {
    const source = this.source;
    let end = at;
    const sign = source.charCodeAt(end);
    if (sign === 0x2b || sign === 0x2d) {
      end++;
    }
    const digitsStart = end;
    while (isDigit(source.charCodeAt(end))) {
      end++;
    }
    if (end - digitsStart > 1 && source.charCodeAt(digitsStart) === 0x30) {
      throw new PatternFailure(StixErrorCode.PatternBadLiteral, 'a number has a leading zero', at);
    }
    let kind = TokenKind.Integer;
    if (source.charCodeAt(end) === 0x2e && isDigit(source.charCodeAt(end + 1))) {
      kind = TokenKind.Float;
      end++;
      while (isDigit(source.charCodeAt(end))) {
        end++;
      }
    }
    const value = Number(source.slice(at, end));
    if (!Number.isFinite(value)) {
      throw new PatternFailure(StixErrorCode.PatternBadLiteral, 'a number is too large', at);
    }
    this.kind = kind;
    this.number = value;
    this.position = end;
  }

  /**
   * A quoted literal whose opening quote is at `quote`. Inside, only `\'` and `\\` are escapes;
   * the decoded text is checked against the literal's kind.
   */
  private readQuoted(kind: TokenKind, at: number, quote: number): void {
    const source = this.source;
    let chunkStart = quote + 1;
    let decoded = '';
    let index = chunkStart;
    for (;;) {
      if (index >= source.length) {
        throw new PatternFailure(StixErrorCode.PatternBadLiteral, 'a quoted literal is not closed', at);
      }
      const code = source.charCodeAt(index);
      if (code === QUOTE) {
        break;
      }
      if (code === BACKSLASH) {
        const escaped = source.charCodeAt(index + 1);
        if (escaped !== QUOTE && escaped !== BACKSLASH) {
          throw new PatternFailure(StixErrorCode.PatternBadLiteral, "only \\' and \\\\ are escapes in a quoted literal", index);
        }
        decoded += source.slice(chunkStart, index);
        chunkStart = index + 1; // keep the escaped character, drop the backslash
        index += 2;
        continue;
      }
      index++;
    }
    const text = chunkStart === quote + 1 ? source.slice(chunkStart, index) : decoded + source.slice(chunkStart, index);
    checkLiteral(kind, text, at);
    this.kind = kind;
    this.text = text;
    this.position = index + 1;
  }
}

function checkLiteral(kind: TokenKind, text: string, at: number): void {
  if (kind === TokenKind.Timestamp && !isStixTimestamp(text)) {
    throw new PatternFailure(StixErrorCode.PatternBadLiteral, "a t'…' literal is not an RFC 3339 UTC timestamp", at);
  }
  if (kind === TokenKind.Hex && !isHexText(text)) {
    throw new PatternFailure(StixErrorCode.PatternBadLiteral, "an h'…' literal is not pairs of hex digits", at);
  }
  if (kind === TokenKind.Binary && !isBase64Text(text)) {
    throw new PatternFailure(StixErrorCode.PatternBadLiteral, "a b'…' literal is not padded base64", at);
  }
}

function isHexText(text: string): boolean {
  if (text.length % 2 !== 0) {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const lower = code | 0x20;
    if (!isDigit(code) && !(lower >= 0x61 && lower <= 0x66)) {
      return false;
    }
  }
  return true;
}

/** Groups of four base64 characters; up to two "=" pad the last group. */
function isBase64Text(text: string): boolean {
  if (text.length % 4 !== 0) {
    return false;
  }
  let padding = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3d) {
      padding++;
    } else if (padding > 0 || !isBase64Char(code)) {
      return false;
    }
  }
  return padding <= 2;
}

function isBase64Char(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || isDigit(code) || code === 0x2b || code === 0x2f;
}

function literalMayFollow(previous: TokenKind): boolean {
  return previous === TokenKind.Operator || previous === TokenKind.Comma || previous === TokenKind.LeftParen || previous === TokenKind.Identifier;
}

function startsNumber(source: string, at: number): boolean {
  const code = source.charCodeAt(at);
  return isDigit(code) || (code === 0x2e && isDigit(source.charCodeAt(at + 1)));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isNameStart(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x5f;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code) || code === 0x2d;
}
