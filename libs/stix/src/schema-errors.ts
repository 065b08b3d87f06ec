import type { ErrorObject } from 'ajv';
import { StixErrorCode } from './error-codes';
import type { JsonSchema } from './schemas';
import { TIMESTAMP_FORMAT } from './schemas';
import type { StixError } from './validation-result';
import { isFull, report } from './validation-result';

/**
 * Turns Ajv's errors into STIX errors. Ajv's own messages are not used (they are switched off):
 * each message here is built from the keyword and the schema, so no submitted value can reach it.
 *
 * A rule over several properties (`anyOf`, `oneOf`, `if`/`then`, `not` in a schema object with a
 * `description`) is reported once, by its description, and the errors of the branches Ajv tried are
 * dropped. Without a description the branches' own errors are kept instead.
 */
export class SchemaErrorTranslator {
  private readonly descriptions = new Map<string, string>();

  /** `names`: property names that may appear in a path; any other key shows as `*`. */
  constructor(
    schema: JsonSchema,
    private readonly names: ReadonlySet<string>,
  ) {
    collectDescriptions(schema, '#', this.descriptions);
  }

  translate(ajvErrors: readonly ErrorObject[], errors: StixError[]): void {
    // Schema paths of the described rules that failed: few distinct ones, however many list items.
    const describedRules = new Set<string>();
    for (const error of ajvErrors) {
      if (COMPOSITE.has(error.keyword) && this.descriptions.has(parentOf(error.schemaPath))) {
        describedRules.add(parentOf(error.schemaPath));
      }
    }
    for (const error of ajvErrors) {
      if (isFull(errors)) {
        return;
      }
      const skip =
        isInsideRule(error, describedRules) ||
        error.schemaPath.includes('/propertyNames/') ||
        // An undescribed if/then: the failing branch's own errors say more than "if" does.
        (error.keyword === 'if' && !this.descriptions.has(parentOf(error.schemaPath)));
      if (!skip) {
        this.one(error, errors);
      }
    }
  }

  private one(error: ErrorObject, errors: StixError[]): void {
    const path = this.safePath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    const description = this.descriptions.get(parentOf(error.schemaPath));
    switch (error.keyword) {
      case 'required': {
        const name = String(params.missingProperty);
        const safe = this.safeName(name);
        return report(errors, StixErrorCode.RequiredPropertyMissing, `${path}/${safe}`, `required property "${safe}" is missing`);
      }
      case 'type':
        return report(errors, StixErrorCode.PropertyTypeMismatch, path, `must be of JSON type ${String(params.type)}`);
      case 'const':
        return report(errors, StixErrorCode.PropertyValueNotAllowed, path, `must be ${JSON.stringify(params.allowedValue)}`);
      case 'enum':
      {
        // The allowed values come from the schema, never from the data.
        const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
        return report(errors, StixErrorCode.PropertyValueNotAllowed, path, `must be one of ${allowed}`);
      }
      case 'false schema':
        return report(errors, StixErrorCode.PropertyNotAllowed, path, 'property is not allowed on this object');
      case 'additionalProperties':
        return report(errors, StixErrorCode.PropertyNotAllowed, path, 'holds a property that is not allowed here');
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return report(errors, StixErrorCode.NumberOutOfRange, path, `must be ${String(params.comparison)} ${String(params.limit)}`);
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'maxProperties':
      {
        const [bound, unit] = SIZE_WORDS[error.keyword] ?? ['', ''];
        return report(errors, StixErrorCode.SizeOutOfRange, path, `must have ${bound} ${String(params.limit)} ${unit}`);
      }
      case 'format':
        if (params.format === TIMESTAMP_FORMAT) {
          return report(errors, StixErrorCode.InvalidTimestamp, path, 'must be an RFC 3339 UTC timestamp naming a real instant');
        }
        return report(errors, StixErrorCode.PropertyFormat, path, `must be ${description ?? `in format ${String(params.format)}`}`);
      case 'pattern':
        return report(errors, StixErrorCode.PropertyFormat, path, `must be ${description ?? 'in the format the specification gives'}`);
      case 'propertyNames': {
        const keyRule = this.descriptions.get(error.schemaPath);
        const message = keyRule === undefined ? 'a property name uses only a-z, 0-9 and "_" and is 3 to 250 characters long' : `a key must be ${keyRule}`;
        return report(errors, StixErrorCode.InvalidPropertyName, path, message);
      }
      case 'dependentRequired':
      {
        const [property, missing] = [this.safeName(String(params.property)), this.safeName(String(params.missingProperty))];
        return report(errors, StixErrorCode.PropertyCombination, path, `"${property}" requires "${missing}"`);
      }
      default:
        return report(errors, StixErrorCode.PropertyCombination, path, description ?? `breaks the "${error.keyword}" rule of the schema`);
    }
  }

  /** The JSON Pointer with every key that is not a STIX property name or a list index as `*`. */
  private safePath(pointer: string): string {
    if (pointer === '') {
      return '';
    }
    const segments = pointer.split('/');
    for (let index = 1; index < segments.length; index++) {
      const segment = segments[index] ?? '';
      if (!isIndex(segment) && !this.names.has(segment)) {
        segments[index] = '*';
      }
    }
    return segments.join('/');
  }

  private safeName(name: string): string {
    return this.names.has(name) ? name : '*';
  }
}

const COMPOSITE = new Set(['anyOf', 'oneOf', 'if', 'not']);

const SIZE_WORDS: Record<string, [string, string]> = {
  minItems: ['at least', 'item(s)'],
  maxItems: ['at most', 'item(s)'],
  minLength: ['at least', 'character(s)'],
  maxLength: ['at most', 'character(s)'],
  minProperties: ['at least', 'propert(ies)'],
  maxProperties: ['at most', 'propert(ies)'],
};

function parentOf(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf('/'));
}

/** Inside a described rule, other than the rule's own error: some ancestor schema path is one. */
function isInsideRule(error: ErrorObject, describedRules: ReadonlySet<string>): boolean {
  if (describedRules.size === 0) {
    return false;
  }
  const own = COMPOSITE.has(error.keyword) ? parentOf(error.schemaPath) : undefined;
  let path = parentOf(error.schemaPath);
  while (path.length > 1) {
    if (path !== own && describedRules.has(path)) {
      return true;
    }
    path = parentOf(path);
  }
  return false;
}

function isIndex(segment: string): boolean {
  if (segment.length === 0 || segment.length > 9) {
    return false;
  }
  for (let index = 0; index < segment.length; index++) {
    const code = segment.charCodeAt(index);
    if (code < 0x30 || code > 0x39) {
      return false;
    }
  }
  return true;
}

/** Records the `description` of every schema object by its schema path (`#/allOf/0`). */
function collectDescriptions(schema: unknown, pointer: string, into: Map<string, string>): void {
  if (typeof schema !== 'object' || schema === null) {
    return;
  }
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => collectDescriptions(item, `${pointer}/${index}`, into));
    return;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' && typeof value === 'string') {
      into.set(pointer, value);
    } else if (key !== 'enum' && key !== 'const' && key !== 'required') {
      collectDescriptions(value, `${pointer}/${escapePointer(key)}`, into);
    }
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
