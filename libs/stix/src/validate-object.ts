import { StixErrorCode } from './error-codes';
import { objectKindOf } from './object-kinds';
import { checkDuplicateObjects } from './rules/duplicate-objects';
import { checkGranularMarkings } from './rules/granular-markings';
import { checkIdentifier } from './rules/identifier-matches-type';
import { checkIndicatorPattern } from './rules/indicator-pattern';
import { checkLanguageTags } from './rules/language-tags';
import { checkMarkingCycles } from './rules/marking-cycles';
import { checkMarkingNotSelfReferencing } from './rules/marking-not-self-referencing';
import { checkModifiedNotBeforeCreated } from './rules/modified-not-before-created';
import { checkReferences } from './rules/reference-targets';
import { checkTimeRangesInOrder } from './rules/time-ranges-in-order';
import { checkTlpMarkingStandard } from './rules/tlp-marking-standard';
import { checkValidUntilAfterValidFrom } from './rules/valid-until-after-valid-from';
import { checkSchema } from './schema-check';
import type { StixError, StixValidationResult } from './validation-result';
import { report } from './validation-result';

export interface StixValidationContext {
  /**
   * The ids of the bundle the object travels in. When given, its references must resolve inside
   * the bundle (except `created_by_ref` and the four standard TLP marking definitions).
   */
  readonly bundleIds?: ReadonlySet<string>;
}

/**
 * Checks one STIX 2.1 object: its JSON schema, then the MUST rules a schema cannot express.
 * Pure and synchronous; errors name properties and rules, never a submitted value.
 */
export function validateStixObject(object: unknown, context?: StixValidationContext): StixValidationResult {
  const errors: StixError[] = [];
  collectErrors(object, context?.bundleIds, errors);
  return { valid: errors.length === 0, errors };
}

export interface StixBatchOptions {
  /** Require every reference to resolve within the batch (see `StixValidationContext.bundleIds`). */
  readonly enforceReferences?: boolean;
}

/**
 * Checks the objects of one submission: each on its own, then across them (duplicate versions,
 * marking definitions marking each other). Results are in the order of `objects`.
 */
export function validateStixObjects(objects: readonly unknown[], options?: StixBatchOptions): StixValidationResult[] {
  const bundleIds = options?.enforceReferences === true ? idsOf(objects) : undefined;
  const errorsByObject = objects.map((object) => {
    const errors: StixError[] = [];
    collectErrors(object, bundleIds, errors);
    return errors;
  });
  checkDuplicateObjects(objects, errorsByObject);
  checkMarkingCycles(objects, errorsByObject);
  return errorsByObject.map((errors) => ({ valid: errors.length === 0, errors }));
}

function collectErrors(object: unknown, bundleIds: ReadonlySet<string> | undefined, errors: StixError[]): void {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    report(errors, StixErrorCode.NotAnObject, '', 'a STIX object must be a JSON object');
    return;
  }
  const record = object as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    const code = type === undefined ? StixErrorCode.RequiredPropertyMissing : StixErrorCode.PropertyTypeMismatch;
    report(errors, code, '/type', type === undefined ? 'required property "type" is missing' : 'must be of JSON type string');
    return;
  }
  const kind = objectKindOf(type);
  if (kind === undefined) {
    report(errors, StixErrorCode.UnknownType, '/type', 'type must be a STIX 2.1 object type or a custom type starting with "x-"');
    return;
  }
  checkSchema(type, record, errors);
  checkIdentifier(record, type, kind, errors);
  checkModifiedNotBeforeCreated(record, errors);
  checkTimeRangesInOrder(record, type, errors);
  checkReferences(record, type, errors, bundleIds);
  checkGranularMarkings(record, errors);
  checkLanguageTags(record, type, errors);
  if (type === 'indicator') {
    checkValidUntilAfterValidFrom(record, errors);
    checkIndicatorPattern(record, errors);
  } else if (type === 'marking-definition') {
    checkMarkingNotSelfReferencing(record, errors);
    checkTlpMarkingStandard(record, errors);
  }
}

function idsOf(objects: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const object of objects) {
    const id = typeof object === 'object' && object !== null ? (object as Record<string, unknown>).id : undefined;
    if (typeof id === 'string') {
      ids.add(id);
    }
  }
  return ids;
}
