/** The tree `parsePattern` builds from a STIX 2.1 pattern (STIX 2.1 §9). */

export type PatternLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** `t'2016-01-01T00:00:00Z'` */
  | { readonly kind: 'timestamp'; readonly value: string }
  /** `h'ff00'`, the hex digits as written */
  | { readonly kind: 'hex'; readonly value: string }
  /** `b'AAEC'`, the base64 text as written */
  | { readonly kind: 'binary'; readonly value: string };

/** The right-hand side of `IN`. */
export interface PatternSetLiteral {
  readonly kind: 'set';
  readonly values: readonly PatternLiteral[];
}

export type PathStep = { readonly kind: 'property'; readonly name: string } | { readonly kind: 'index'; readonly index: number | '*' };

export type ComparisonOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET' | 'EXISTS';

/**
 * One observation term: which property of which observable the pattern tests, and against what.
 * `path` is the object path after the colon as canonical text (`hashes.'SHA-256'`,
 * `extensions.'windows-pebinary-ext'.sections[*].entropy`); `steps` is the same path as data.
 */
export interface PatternComparison {
  readonly kind: 'comparison';
  readonly objectType: string;
  readonly path: string;
  readonly steps: readonly PathStep[];
  readonly operator: ComparisonOperator;
  /** `NOT` written before the operator. */
  readonly negated: boolean;
  /** `null` for `EXISTS`. */
  readonly value: PatternLiteral | PatternSetLiteral | null;
}

export type ComparisonExpression =
  | PatternComparison
  | { readonly kind: 'comparison-and' | 'comparison-or'; readonly operands: readonly ComparisonExpression[] };

export type PatternQualifier =
  | { readonly kind: 'within'; readonly seconds: number }
  | { readonly kind: 'repeats'; readonly times: number }
  | { readonly kind: 'start-stop'; readonly start: string; readonly stop: string };

export type ObservationExpression =
  | { readonly kind: 'observation'; readonly comparison: ComparisonExpression }
  | { readonly kind: 'observation-and' | 'observation-or' | 'followed-by'; readonly operands: readonly ObservationExpression[] }
  | { readonly kind: 'qualified'; readonly expression: ObservationExpression; readonly qualifier: PatternQualifier };
