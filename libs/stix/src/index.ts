export * from './error-codes';
export type { StixError, StixValidationResult } from './validation-result';
export { MAX_ERRORS_PER_OBJECT } from './validation-result';
export type { StixBatchOptions, StixValidationContext } from './validate-object';
export { validateStixObject, validateStixObjects } from './validate-object';
export type { PatternErrorCode, PatternParseResult } from './pattern/parse-pattern';
export { parsePattern } from './pattern/parse-pattern';
export type {
  ComparisonExpression,
  ComparisonOperator,
  ObservationExpression,
  PathStep,
  PatternComparison,
  PatternLiteral,
  PatternQualifier,
  PatternSetLiteral,
} from './pattern/pattern-ast';
export { MAX_PATTERN_LENGTH, MAX_PATTERN_NESTING } from './pattern/pattern-limits';
export type { StixObjectKind } from './object-kinds';
export { META_TYPES, SCO_TYPES, SDO_TYPES, SRO_TYPES, objectKindOf } from './object-kinds';
export { identifierType } from './identifier';
export { compareStixTimestamps, isStixTimestamp } from './timestamp';
export { isLanguageTag } from './language-tag';
export { TLP_MARKING_IDS } from './rules/reference-specs';
