import {
  parsePattern,
  type ComparisonExpression,
  type ObservationExpression,
  type PatternComparison,
  type PatternLiteral,
  type PatternQualifier,
  type PatternSetLiteral,
} from '@ais/stix';

/**
 * The canonical text of a STIX 2.1 pattern, so that the same indicator written two ways compares
 * equal: the pattern is parsed (keywords are case-insensitive there) and printed again with
 *
 * - one space around operators and keywords, none inside brackets and parentheses;
 * - keywords and operators in upper case;
 * - chains of one operator flattened (`(a AND b) AND c` is `a AND b AND c`), and the operands of
 *   `AND` and `OR` — between comparisons and between observations — sorted and deduplicated, as
 *   their order does not change what the pattern matches; `FOLLOWEDBY` keeps its order;
 * - the members of an `IN (…)` set sorted and deduplicated;
 * - hex literals in lower case; strings, numbers, timestamps and object paths as parsed.
 *
 * Values are not folded (a domain's case, an address's notation): two patterns are the same
 * indicator when they test the same values. Returns null when the text is not a STIX pattern.
 * Pure.
 */
export function normalisePattern(pattern: string): string | null {
  const parsed = parsePattern(pattern);
  return parsed.ok ? observation(parsed.ast) : null;
}

type ObservationKind = ObservationExpression['kind'];
type ComparisonKind = ComparisonExpression['kind'];

function observation(expression: ObservationExpression): string {
  switch (expression.kind) {
    case 'observation':
      return `[${comparison(expression.comparison)}]`;
    case 'observation-and':
    case 'observation-or': {
      const operands = uniqueSorted(flattenObservations(expression.kind, expression.operands).map((operand) => observationOperand(operand, expression.kind)));
      return operands.length === 1 ? operands[0]! : operands.join(expression.kind === 'observation-and' ? ' AND ' : ' OR ');
    }
    case 'followed-by':
      return flattenObservations('followed-by', expression.operands)
        .map((operand) => observationOperand(operand, 'followed-by'))
        .join(' FOLLOWEDBY ');
    case 'qualified': {
      const inner = expression.expression.kind === 'observation' ? observation(expression.expression) : `(${observation(expression.expression)})`;
      return `${inner} ${qualifier(expression.qualifier)}`;
    }
    default: {
      const unknown: never = expression;
      return unknown;
    }
  }
}

function flattenObservations(kind: ObservationKind, operands: readonly ObservationExpression[]): ObservationExpression[] {
  return operands.flatMap((operand) => (operand.kind === kind && 'operands' in operand ? flattenObservations(kind, operand.operands) : [operand]));
}

/** An operand in parentheses unless it binds tighter than its parent: brackets and qualified terms. */
function observationOperand(operand: ObservationExpression, parent: ObservationKind): string {
  const text = observation(operand);
  const bare = operand.kind === 'observation' || operand.kind === 'qualified' || operand.kind === parent;
  return bare ? text : `(${text})`;
}

function qualifier(value: PatternQualifier): string {
  switch (value.kind) {
    case 'within':
      return `WITHIN ${value.seconds} SECONDS`;
    case 'repeats':
      return `REPEATS ${value.times} TIMES`;
    case 'start-stop':
      return `START t'${value.start}' STOP t'${value.stop}'`;
    default: {
      const unknown: never = value;
      return unknown;
    }
  }
}

function comparison(expression: ComparisonExpression): string {
  if (expression.kind === 'comparison') {
    return term(expression);
  }
  const operands = uniqueSorted(
    flattenComparisons(expression.kind, expression.operands).map((operand) => {
      const text = comparison(operand);
      return operand.kind === 'comparison' ? text : `(${text})`;
    }),
  );
  return operands.length === 1 ? operands[0]! : operands.join(expression.kind === 'comparison-and' ? ' AND ' : ' OR ');
}

function flattenComparisons(kind: ComparisonKind, operands: readonly ComparisonExpression[]): ComparisonExpression[] {
  return operands.flatMap((operand) => (operand.kind === kind && operand.kind !== 'comparison' ? flattenComparisons(kind, operand.operands) : [operand]));
}

function term(value: PatternComparison): string {
  const path = `${value.objectType}:${value.path}`;
  if (value.operator === 'EXISTS') {
    return `${value.negated ? 'NOT ' : ''}EXISTS ${path}`;
  }
  const operand = value.value === null ? '' : ` ${value.value.kind === 'set' ? set(value.value) : literal(value.value)}`;
  return `${path} ${value.negated ? 'NOT ' : ''}${value.operator}${operand}`;
}

function set(value: PatternSetLiteral): string {
  return `(${uniqueSorted(value.values.map(literal)).join(', ')})`;
}

function literal(value: PatternLiteral): string {
  switch (value.kind) {
    case 'string':
      return `'${value.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'integer':
    case 'float':
      return String(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'timestamp':
      return `t'${value.value}'`;
    case 'hex':
      return `h'${value.value.toLowerCase()}'`;
    case 'binary':
      return `b'${value.value}'`;
    default: {
      const unknown: never = value;
      return unknown;
    }
  }
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
