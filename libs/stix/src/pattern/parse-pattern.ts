import { StixErrorCode } from '../error-codes';
import { compareStixTimestamps } from '../timestamp';
import type {
  ComparisonExpression,
  ComparisonOperator,
  ObservationExpression,
  PathStep,
  PatternComparison,
  PatternLiteral,
  PatternQualifier,
  PatternSetLiteral,
} from './pattern-ast';
import { PatternFailure } from './pattern-failure';
import { PatternLexer, TokenKind } from './pattern-lexer';
import { MAX_PATTERN_LENGTH, MAX_PATTERN_NESTING } from './pattern-limits';

export type PatternErrorCode =
  | StixErrorCode.PatternTooLong
  | StixErrorCode.PatternTooDeep
  | StixErrorCode.PatternSyntax
  | StixErrorCode.PatternUnbalanced
  | StixErrorCode.PatternBadLiteral
  | StixErrorCode.PatternBadObjectPath
  | StixErrorCode.PatternUnknownOperator
  | StixErrorCode.PatternOperandType
  | StixErrorCode.PatternBadQualifier;

export type PatternParseResult =
  | { readonly ok: true; readonly ast: ObservationExpression; readonly comparisons: readonly PatternComparison[] }
  /** `position` is the offset in the pattern where reading stopped; `message` never quotes the pattern. */
  | { readonly ok: false; readonly code: PatternErrorCode; readonly message: string; readonly position: number };

/**
 * Parses a STIX 2.1 pattern (`pattern_type: "stix"`, STIX 2.1 §9) by hand-written recursive
 * descent over a char-by-char lexer, and lists its comparisons: the observable values the
 * indicator matches, which pii-filter screens.
 *
 * Precedence, loosest first: FOLLOWEDBY, OR, AND between observation expressions, then the
 * qualifiers (WITHIN, REPEATS, START/STOP) written after one; OR, AND inside brackets.
 * Chains of one operator are read in a loop, so only brackets and parentheses recurse, and they
 * are bounded by MAX_PATTERN_NESTING.
 */
export function parsePattern(text: string): PatternParseResult {
  if (text.length > MAX_PATTERN_LENGTH) {
    return failure(StixErrorCode.PatternTooLong, `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`, MAX_PATTERN_LENGTH);
  }
  try {
    const parser = new PatternParser(text);
    const ast = parser.parse();
    return { ok: true, ast, comparisons: parser.comparisons };
  } catch (error) {
    if (error instanceof PatternFailure) {
      return failure(error.code as PatternErrorCode, error.message, error.position);
    }
    throw error;
  }
}

function failure(code: PatternErrorCode, message: string, position: number): PatternParseResult {
  return { ok: false, code, message, position };
}

type ObservationOperator = 'FOLLOWEDBY' | 'OR' | 'AND';

class PatternParser {
  readonly comparisons: PatternComparison[] = [];
  private readonly lexer: PatternLexer;
  /** Where the last literal started, for errors found once it has been read. */
  private lastLiteralStart = 0;

  constructor(text: string) {
    this.lexer = new PatternLexer(text);
  }

  parse(): ObservationExpression {
    this.lexer.advance();
    if (this.lexer.current() === TokenKind.End) {
      throw this.fail(StixErrorCode.PatternSyntax, 'the pattern is empty');
    }
    const ast = this.observationExpressions(0);
    const kind = this.lexer.current();
    if (kind === TokenKind.RightBracket || kind === TokenKind.RightParen) {
      throw this.fail(StixErrorCode.PatternUnbalanced, 'a closing bracket or parenthesis has no opening one');
    }
    if (kind !== TokenKind.End) {
      throw this.fail(StixErrorCode.PatternSyntax, `expected AND, OR, FOLLOWEDBY or a qualifier, found ${describe(kind)}`);
    }
    return ast;
  }

  // ----- observation expressions ------------------------------------------------------------------

  private observationExpressions(depth: number): ObservationExpression {
    return this.observationChain('FOLLOWEDBY', depth);
  }

  /** `a OP b OP c` for one operator, its operands one precedence level tighter. */
  private observationChain(operator: ObservationOperator, depth: number): ObservationExpression {
    const first = this.observationOperand(operator, depth);
    if (!this.atKeyword(operator)) {
      return first;
    }
    const operands = [first];
    while (this.atKeyword(operator)) {
      this.lexer.advance();
      operands.push(this.observationOperand(operator, depth));
    }
    const kind = operator === 'FOLLOWEDBY' ? 'followed-by' : operator === 'OR' ? 'observation-or' : 'observation-and';
    return { kind, operands };
  }

  private observationOperand(operator: ObservationOperator, depth: number): ObservationExpression {
    if (operator === 'FOLLOWEDBY') {
      return this.observationChain('OR', depth);
    }
    if (operator === 'OR') {
      return this.observationChain('AND', depth);
    }
    return this.qualifiedObservation(depth);
  }

  /** An observation, or a parenthesised group of them, followed by any qualifiers, each kind once. */
  private qualifiedObservation(depth: number): ObservationExpression {
    let expression = this.observationPrimary(depth);
    let seen = 0;
    for (;;) {
      const start = this.lexer.start;
      const qualifier = this.qualifier();
      if (qualifier === undefined) {
        return expression;
      }
      const bit = qualifier.kind === 'within' ? 1 : qualifier.kind === 'repeats' ? 2 : 4;
      if ((seen & bit) !== 0) {
        throw new PatternFailure(StixErrorCode.PatternBadQualifier, 'the same qualifier is given twice to one observation expression', start);
      }
      seen |= bit;
      expression = { kind: 'qualified', expression, qualifier };
    }
  }

  private observationPrimary(depth: number): ObservationExpression {
    const lexer = this.lexer;
    if (lexer.current() === TokenKind.LeftBracket) {
      const opening = this.open(depth);
      const comparison = this.comparisonChain('OR', depth + 1);
      this.close(TokenKind.RightBracket, opening, "']'");
      return { kind: 'observation', comparison };
    }
    if (lexer.current() === TokenKind.LeftParen) {
      const opening = this.open(depth);
      const inner = this.observationExpressions(depth + 1);
      this.close(TokenKind.RightParen, opening, "')'");
      return inner;
    }
    if (lexer.current() === TokenKind.RightBracket || lexer.current() === TokenKind.RightParen) {
      throw this.fail(StixErrorCode.PatternUnbalanced, 'a closing bracket or parenthesis has no opening one');
    }
    throw this.fail(StixErrorCode.PatternSyntax, `expected '[' or '(' to start an observation expression, found ${describe(lexer.current())}`);
  }

  private qualifier(): PatternQualifier | undefined {
    if (this.atKeyword('WITHIN')) {
      this.lexer.advance();
      const seconds = this.positiveNumber('WITHIN takes a positive number of seconds', true);
      this.expectQualifierKeyword('SECONDS', 'WITHIN n is followed by SECONDS');
      return { kind: 'within', seconds };
    }
    if (this.atKeyword('REPEATS')) {
      this.lexer.advance();
      const times = this.positiveNumber('REPEATS takes a positive whole number', false);
      this.expectQualifierKeyword('TIMES', 'REPEATS n is followed by TIMES');
      return { kind: 'repeats', times };
    }
    if (this.atKeyword('START')) {
      this.lexer.advance();
      const startAt = this.lexer.start;
      const start = this.qualifierTimestamp();
      this.expectQualifierKeyword('STOP', 'START t is followed by STOP t');
      const stop = this.qualifierTimestamp();
      if (compareStixTimestamps(start, stop) >= 0) {
        throw new PatternFailure(StixErrorCode.PatternBadQualifier, 'the STOP timestamp is not later than the START timestamp', startAt);
      }
      return { kind: 'start-stop', start, stop };
    }
    return undefined;
  }

  private positiveNumber(rule: string, floatAllowed: boolean): number {
    const lexer = this.lexer;
    const numeric = lexer.current() === TokenKind.Integer || (floatAllowed && lexer.current() === TokenKind.Float);
    if (!numeric || !(lexer.number > 0) || !Number.isFinite(lexer.number)) {
      throw this.fail(StixErrorCode.PatternBadQualifier, rule);
    }
    const value = lexer.number;
    lexer.advance();
    return value;
  }

  private qualifierTimestamp(): string {
    if (this.lexer.current() !== TokenKind.Timestamp) {
      throw this.fail(StixErrorCode.PatternBadQualifier, "START and STOP take t'…' timestamp literals");
    }
    const value = this.lexer.text;
    this.lexer.advance();
    return value;
  }

  private expectQualifierKeyword(keyword: string, rule: string): void {
    if (!this.atKeyword(keyword)) {
      throw this.fail(StixErrorCode.PatternBadQualifier, rule);
    }
    this.lexer.advance();
  }

  // ----- comparison expressions -------------------------------------------------------------------

  private comparisonChain(operator: 'OR' | 'AND', depth: number): ComparisonExpression {
    const first = operator === 'OR' ? this.comparisonChain('AND', depth) : this.comparisonPrimary(depth);
    if (!this.atKeyword(operator)) {
      return first;
    }
    const operands = [first];
    while (this.atKeyword(operator)) {
      this.lexer.advance();
      operands.push(operator === 'OR' ? this.comparisonChain('AND', depth) : this.comparisonPrimary(depth));
    }
    return { kind: operator === 'OR' ? 'comparison-or' : 'comparison-and', operands };
  }

  private comparisonPrimary(depth: number): ComparisonExpression {
    const lexer = this.lexer;
    if (lexer.current() === TokenKind.LeftParen) {
      const opening = this.open(depth);
      const inner = this.comparisonChain('OR', depth + 1);
      this.close(TokenKind.RightParen, opening, "')'");
      return inner;
    }
    if (lexer.current() !== TokenKind.Identifier) {
      if (lexer.current() === TokenKind.RightBracket || lexer.current() === TokenKind.End) {
        throw this.fail(StixErrorCode.PatternSyntax, 'expected a comparison expression');
      }
      throw this.fail(StixErrorCode.PatternSyntax, `expected an object path, found ${describe(lexer.current())}`);
    }
    if (this.atKeyword('EXISTS')) {
      lexer.advance();
      return this.record(this.objectPath(), 'EXISTS', false, null);
    }
    const path = this.objectPath();
    let negated = false;
    if (this.atKeyword('NOT')) {
      negated = true;
      lexer.advance();
    }
    const operator = this.comparisonOperator();
    return this.record(path, operator, negated, this.operand(operator));
  }

  private comparisonOperator(): ComparisonOperator {
    const lexer = this.lexer;
    let operator: ComparisonOperator | undefined;
    if (lexer.current() === TokenKind.Operator) {
      operator = lexer.text as ComparisonOperator;
    } else if (lexer.current() === TokenKind.Identifier) {
      operator = keywordOperator(lexer.text);
      if (operator === undefined) {
        throw this.fail(StixErrorCode.PatternUnknownOperator, 'unknown comparison operator');
      }
    } else {
      throw this.fail(StixErrorCode.PatternSyntax, `expected a comparison operator, found ${describe(lexer.current())}`);
    }
    lexer.advance();
    return operator;
  }

  private operand(operator: ComparisonOperator): PatternLiteral | PatternSetLiteral {
    switch (operator) {
      case '=':
      case '!=':
        return this.literal(operator, true);
      case '>':
      case '<':
      case '>=':
      case '<=':
        return this.literal(operator, false);
      case 'IN':
        return this.setLiteral();
      case 'LIKE':
      case 'MATCHES':
      case 'ISSUBSET':
      case 'ISSUPERSET': {
        const literal = this.literal(operator, false);
        if (literal.kind !== 'string') {
          throw new PatternFailure(StixErrorCode.PatternOperandType, `${operator} compares with a string literal`, this.lastLiteralStart);
        }
        return literal;
      }
      case 'EXISTS':
        throw this.fail(StixErrorCode.PatternSyntax, 'EXISTS is written before the object path');
      default: {
        const unreachable: never = operator;
        return unreachable;
      }
    }
  }

  private literal(operator: string, booleanAllowed: boolean): PatternLiteral {
    const lexer = this.lexer;
    this.lastLiteralStart = lexer.start;
    const kind = lexer.current();
    let literal: PatternLiteral;
    switch (kind) {
      case TokenKind.String:
        literal = { kind: 'string', value: lexer.text };
        break;
      case TokenKind.Integer:
        literal = { kind: 'integer', value: lexer.number };
        break;
      case TokenKind.Float:
        literal = { kind: 'float', value: lexer.number };
        break;
      case TokenKind.Timestamp:
        literal = { kind: 'timestamp', value: lexer.text };
        break;
      case TokenKind.Hex:
        literal = { kind: 'hex', value: lexer.text };
        break;
      case TokenKind.Binary:
        literal = { kind: 'binary', value: lexer.text };
        break;
      case TokenKind.Identifier: {
        const bool = booleanValue(lexer.text);
        if (bool === undefined) {
          throw this.fail(StixErrorCode.PatternSyntax, 'expected a literal; strings are written in single quotes');
        }
        if (!booleanAllowed) {
          throw this.fail(StixErrorCode.PatternOperandType, `${operator} does not compare with a boolean`);
        }
        literal = { kind: 'boolean', value: bool };
        break;
      }
      case TokenKind.End:
      case TokenKind.LeftBracket:
      case TokenKind.RightBracket:
      case TokenKind.LeftParen:
      case TokenKind.RightParen:
      case TokenKind.Comma:
      case TokenKind.Colon:
      case TokenKind.Dot:
      case TokenKind.Star:
      case TokenKind.Operator:
        throw this.fail(StixErrorCode.PatternSyntax, `expected a literal, found ${describe(kind)}`);
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
    lexer.advance();
    return literal;
  }

  private setLiteral(): PatternSetLiteral {
    const lexer = this.lexer;
    if (lexer.current() !== TokenKind.LeftParen) {
      throw this.fail(StixErrorCode.PatternOperandType, "IN compares with a set of literals in parentheses: ('a', 'b')");
    }
    const opening = lexer.start;
    lexer.advance();
    if (lexer.current() === TokenKind.RightParen) {
      throw this.fail(StixErrorCode.PatternOperandType, 'IN needs at least one value');
    }
    const values = [this.literal('IN', true)];
    while (lexer.current() === TokenKind.Comma) {
      lexer.advance();
      values.push(this.literal('IN', true));
    }
    this.close(TokenKind.RightParen, opening, "')'");
    return { kind: 'set', values };
  }

  // ----- object paths -----------------------------------------------------------------------------

  /** `<object-type>:<property>` then `.name`, `.'quoted name'`, `[n]` or `[*]` steps. */
  private objectPath(): { objectType: string; path: string; steps: PathStep[] } {
    const lexer = this.lexer;
    if (lexer.current() !== TokenKind.Identifier || !isObjectTypeName(lexer.text)) {
      throw this.fail(StixErrorCode.PatternBadObjectPath, 'an object path starts with an object type of a-z, 0-9 and "-"');
    }
    const objectType = lexer.text;
    lexer.advance();
    if (lexer.current() !== TokenKind.Colon) {
      throw this.fail(StixErrorCode.PatternBadObjectPath, 'an object type is followed by ":" and a property name');
    }
    lexer.advance();
    const steps: PathStep[] = [];
    let path = this.propertyStep(steps);
    for (;;) {
      if (lexer.current() === TokenKind.Dot) {
        lexer.advance();
        path += '.' + this.propertyStep(steps);
      } else if (lexer.current() === TokenKind.LeftBracket) {
        path += this.indexStep(steps);
      } else {
        return { objectType, path, steps };
      }
    }
  }

  /** One property name; returns its canonical text. */
  private propertyStep(steps: PathStep[]): string {
    const lexer = this.lexer;
    let name: string;
    if (lexer.current() === TokenKind.Identifier) {
      name = lexer.text;
      if (name.includes('-')) {
        throw this.fail(StixErrorCode.PatternBadObjectPath, 'a property name with "-" is written in single quotes');
      }
    } else if (lexer.current() === TokenKind.String) {
      name = lexer.text;
      if (name.length === 0) {
        throw this.fail(StixErrorCode.PatternBadObjectPath, 'a quoted property name is empty');
      }
    } else {
      throw this.fail(StixErrorCode.PatternBadObjectPath, `expected a property name, found ${describe(lexer.current())}`);
    }
    lexer.advance();
    steps.push({ kind: 'property', name });
    return isPlainName(name) ? name : quote(name);
  }

  private indexStep(steps: PathStep[]): string {
    const lexer = this.lexer;
    const opening = lexer.start;
    lexer.advance();
    let index: number | '*';
    if (lexer.current() === TokenKind.Star) {
      index = '*';
    } else if (lexer.current() === TokenKind.Integer) {
      index = lexer.number;
    } else {
      throw this.fail(StixErrorCode.PatternBadObjectPath, 'a list index is a whole number or "*"');
    }
    lexer.advance();
    if (lexer.current() !== TokenKind.RightBracket) {
      throw new PatternFailure(StixErrorCode.PatternUnbalanced, "a list index '[' is not closed", opening);
    }
    lexer.advance();
    steps.push({ kind: 'index', index });
    return `[${index}]`;
  }

  // ----- helpers ----------------------------------------------------------------------------------

  private record(
    path: { objectType: string; path: string; steps: PathStep[] },
    operator: ComparisonOperator,
    negated: boolean,
    value: PatternLiteral | PatternSetLiteral | null,
  ): PatternComparison {
    const { objectType, steps } = path;
    const comparison: PatternComparison = { kind: 'comparison', objectType, path: path.path, steps, operator, negated, value };
    this.comparisons.push(comparison);
    return comparison;
  }

  /** Consumes an opening bracket or parenthesis one level below `depth`; returns its offset. */
  private open(depth: number): number {
    const at = this.lexer.start;
    if (depth >= MAX_PATTERN_NESTING) {
      throw new PatternFailure(StixErrorCode.PatternTooDeep, `brackets and parentheses nest deeper than ${MAX_PATTERN_NESTING}`, at);
    }
    this.lexer.advance();
    return at;
  }

  private close(kind: TokenKind, opening: number, symbol: string): void {
    const lexer = this.lexer;
    if (lexer.current() === kind) {
      lexer.advance();
      return;
    }
    if (lexer.current() === TokenKind.End || lexer.current() === TokenKind.RightBracket || lexer.current() === TokenKind.RightParen) {
      throw new PatternFailure(StixErrorCode.PatternUnbalanced, `the bracket or parenthesis opened here is not closed by ${symbol}`, opening);
    }
    throw this.fail(StixErrorCode.PatternSyntax, `expected ${symbol}, AND or OR, found ${describe(lexer.current())}`);
  }

  private atKeyword(keyword: string): boolean {
    return this.lexer.current() === TokenKind.Identifier && sameKeyword(this.lexer.text, keyword);
  }

  private fail(code: StixErrorCode, message: string): PatternFailure {
    return new PatternFailure(code, message, this.lexer.start);
  }
}

const KEYWORD_OPERATORS: readonly ComparisonOperator[] = ['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'];

function keywordOperator(text: string): ComparisonOperator | undefined {
  return KEYWORD_OPERATORS.find((operator) => sameKeyword(text, operator));
}

function booleanValue(text: string): boolean | undefined {
  if (sameKeyword(text, 'TRUE')) {
    return true;
  }
  return sameKeyword(text, 'FALSE') ? false : undefined;
}

/** Keywords are case-insensitive, as in the STIX grammar; `keyword` is given in upper case. */
function sameKeyword(text: string, keyword: string): boolean {
  if (text.length !== keyword.length) {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const upper = code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
    if (upper !== keyword.charCodeAt(index)) {
      return false;
    }
  }
  return true;
}

/** STIX type names: a-z, 0-9 and "-", starting with a letter, not ending with "-", 3 to 250 long. */
function isObjectTypeName(text: string): boolean {
  if (text.length < 3 || text.length > 250 || text.charCodeAt(text.length - 1) === 0x2d) {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const letter = code >= 0x61 && code <= 0x7a;
    if (!letter && (index === 0 || !((code >= 0x30 && code <= 0x39) || code === 0x2d))) {
      return false;
    }
  }
  return true;
}

function isPlainName(name: string): boolean {
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const lower = code | 0x20;
    const ok = (lower >= 0x61 && lower <= 0x7a) || code === 0x5f || (index > 0 && code >= 0x30 && code <= 0x39);
    if (!ok) {
      return false;
    }
  }
  return name.length > 0;
}

function quote(name: string): string {
  return `'${name.replace(/[\\']/g, '\\$&')}'`;
}

function describe(kind: TokenKind): string {
  switch (kind) {
    case TokenKind.End:
      return 'the end of the pattern';
    case TokenKind.LeftBracket:
      return "'['";
    case TokenKind.RightBracket:
      return "']'";
    case TokenKind.LeftParen:
      return "'('";
    case TokenKind.RightParen:
      return "')'";
    case TokenKind.Comma:
      return "','";
    case TokenKind.Colon:
      return "':'";
    case TokenKind.Dot:
      return "'.'";
    case TokenKind.Star:
      return "'*'";
    case TokenKind.Operator:
      return 'a comparison operator';
    case TokenKind.Identifier:
      return 'a name or keyword';
    case TokenKind.String:
      return 'a string literal';
    case TokenKind.Integer:
    case TokenKind.Float:
      return 'a number';
    case TokenKind.Timestamp:
      return 'a timestamp literal';
    case TokenKind.Hex:
      return 'a hex literal';
    case TokenKind.Binary:
      return 'a binary literal';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
