import Ajv2020 from 'ajv/dist/2020';
import type { Options, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { KNOWN_PROPERTY_NAMES } from './property-names';
import { SchemaErrorTranslator } from './schema-errors';
import type { JsonSchema } from './schemas';
import { CUSTOM_OBJECT_SCHEMA, IPV6_CIDR_FORMAT, OBJECT_SCHEMAS, TIMESTAMP_FORMAT } from './schemas';
import { isStixTimestamp } from './timestamp';
import type { StixError } from './validation-result';

/**
 * The JSON-schema level: Ajv validators per object type.
 *
 * Each type has two. The one that stops at the first error decides every object; it is compiled
 * when this module loads (compiling costs milliseconds per type, validating microseconds per
 * object). The one that collects every error only writes the report for an object that failed; it
 * is compiled the first time an object of its type fails, which halves the start-up cost. It runs
 * only on objects small enough: Ajv builds an error per failing list item, so collecting
 * everything from a hostile object of half a million items would cost seconds and hundreds of
 * megabytes; such an object gets its first schema error only.
 */
const OPTIONS: Options = {
  messages: false, // messages are built by SchemaErrorTranslator, never from data
  strict: true,
  // Rules like "hashes or name" name in `required` properties the parent schema defines.
  strictRequired: false,
};

/** Objects with more JSON values than this get their first schema error only. */
export const FULL_REPORT_MAX_VALUES = 5_000;

interface CompiledSchema {
  readonly schema: JsonSchema;
  readonly firstError: ValidateFunction;
  allErrors?: ValidateFunction;
  readonly translator: SchemaErrorTranslator;
}

const firstErrorAjv = configure(new Ajv2020({ ...OPTIONS, allErrors: false }));
const allErrorsAjv = configure(new Ajv2020({ ...OPTIONS, allErrors: true }));

const COMPILED = new Map<string, CompiledSchema>([...OBJECT_SCHEMAS].map(([type, schema]) => [type, compile(schema)]));
const CUSTOM = compile(CUSTOM_OBJECT_SCHEMA);

/** Checks `object` against the schema of `type` (the custom-object schema for `x-` types). */
export function checkSchema(type: string, object: Record<string, unknown>, errors: StixError[]): void {
  const compiled = COMPILED.get(type) ?? CUSTOM;
  if (compiled.firstError(object)) {
    return;
  }
  let validate = compiled.firstError;
  if (!hasMoreValuesThan(object, FULL_REPORT_MAX_VALUES)) {
    validate = compiled.allErrors ??= allErrorsAjv.compile(compiled.schema);
    validate(object);
  }
  compiled.translator.translate(validate.errors ?? [], errors);
}

function configure(ajv: Ajv2020): Ajv2020 {
  addFormats(ajv, { mode: 'full', formats: ['uri', 'byte'] });
  ajv.addFormat(TIMESTAMP_FORMAT, { type: 'string', validate: (value: string) => isStixTimestamp(value) });
  ajv.addFormat(IPV6_CIDR_FORMAT, { type: 'string', validate: isIpv6Cidr });
  return ajv;
}

function compile(schema: JsonSchema): CompiledSchema {
  return { schema, firstError: firstErrorAjv.compile(schema), translator: new SchemaErrorTranslator(schema, KNOWN_PROPERTY_NAMES) };
}

/** Counts JSON values, stopping as soon as there are more than `limit`: the cost is bounded by it. */
function hasMoreValuesThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    const current = pending.pop();
    if (++seen > limit) {
      return true;
    }
    if (Array.isArray(current)) {
      const items = current as readonly unknown[];
      if (seen + items.length > limit) {
        return true;
      }
      pending.push(...items);
    } else if (typeof current === 'object' && current !== null) {
      for (const key in current) {
        pending.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** An IPv6 address with an optional `/0`–`/128` prefix; the longest valid text is 49 characters. */
function isIpv6Cidr(value: string): boolean {
  if (value.length > 49) {
    return false;
  }
  const slash = value.indexOf('/');
  if (slash === -1) {
    return fullFormats.ipv6 instanceof RegExp && fullFormats.ipv6.test(value);
  }
  const prefix = value.slice(slash + 1);
  const prefixOk = /^(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/.test(prefix);
  return prefixOk && isIpv6Cidr(value.slice(0, slash));
}
