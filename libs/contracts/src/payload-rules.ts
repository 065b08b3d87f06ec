import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_BASE64, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { opaqueJsonProperties } from './opaque-json';
import { isPaddedBase64 } from './padded-base64';

type PayloadClass = abstract new () => object;
type MetadataStorage = ReturnType<typeof getMetadataStorage>;

interface Rule {
  readonly validate: (value: unknown, args: ValidationArguments) => boolean;
  readonly metadata: ValidationMetadata;
  readonly each: boolean;
}

interface PropertyPlan {
  readonly name: string;
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  /** `@IsDefined` and the custom rules: class-validator runs both on the value (no skip options here). */
  readonly rules: readonly Rule[];
  /** The class of a `@ValidateNested` property's objects (from its `@Type`), or null when it has none. */
  readonly nested: PayloadClass | null;
}

type Plan = readonly PropertyPlan[];

/** Keys class-transformer cannot copy into an instance as they are (it throws, or swaps the prototype). */
const UNCOPYABLE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than this, the fast check leaves the payload to class-validator. */
const MAX_DEPTH = 32;

const plans = new Map<PayloadClass, Plan | null>();

/**
 * Whether a decoded payload passes its class's class-validator rules, answered on the plain JSON
 * without building class instances (class-transformer and class-validator's executor were most
 * of a decode's cost: ~15 µs a record, read by several groups each). It answers true only where
 * `validateSync(plainToInstance(...), { forbidUnknownValues: true })` finds no error: the same
 * rule functions run on the same values, on plain objects and arrays of the kinds the contracts
 * use. Anything else — a rule failing, a shape or rule kind it does not handle, a key
 * class-transformer would not copy — answers false, and the caller asks class-validator, which
 * also says why.
 */
export function passesPayloadRules(payloadClass: PayloadClass, data: Record<string, unknown>): boolean {
  const plan = planOf(payloadClass);
  if (plan === null) {
    return false;
  }
  const opaque = opaqueJsonProperties(payloadClass);
  for (const key of Object.keys(data)) {
    if (UNCOPYABLE_KEYS.has(key) || (!opaque.includes(key) && !copyable(data[key], 1))) {
      return false;
    }
  }
  return passes(plan, data, 1);
}

function passes(plan: Plan, object: Record<string, unknown>, depth: number): boolean {
  for (const property of plan) {
    const value = object[property.name];
    if (!property.conditions.every((condition) => condition(object, value))) {
      continue;
    }
    const args: ValidationArguments = { targetName: '', property: property.name, object, value, constraints: [] };
    for (const rule of property.rules) {
      args.constraints = rule.metadata.constraints;
      const ok = rule.each && Array.isArray(value) ? value.every((element) => rule.validate(element, args)) : rule.validate(value, args);
      if (!ok) {
        return false;
      }
    }
    if (property.nested !== null && value !== undefined && !passesNested(property.nested, value, depth)) {
      return false;
    }
  }
  return true;
}

function passesNested(nestedClass: PayloadClass, value: unknown, depth: number): boolean {
  const plan = planOf(nestedClass);
  if (plan === null || depth >= MAX_DEPTH) {
    return false;
  }
  const elements = Array.isArray(value) ? value : [value];
  return elements.every((element) => isPlainObject(element) && passes(plan, element, depth + 1));
}

/** Whether class-transformer copies the value as it is: no uncopyable key at any depth, not too deep. */
function copyable(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) {
    return true;
  }
  if (depth >= MAX_DEPTH) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.every((element) => copyable(element, depth + 1));
  }
  for (const key of Object.keys(value)) {
    if (UNCOPYABLE_KEYS.has(key) || !copyable((value as Record<string, unknown>)[key], depth + 1)) {
      return false;
    }
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** The class's rules by property, or null when they use something the fast check does not handle. */
function planOf(payloadClass: PayloadClass): Plan | null {
  if (plans.has(payloadClass)) {
    return plans.get(payloadClass)!;
  }
  plans.set(payloadClass, null); // a class nested in itself is left to class-validator
  const plan = buildPlan(payloadClass);
  plans.set(payloadClass, plan);
  return plan;
}

function buildPlan(payloadClass: PayloadClass): Plan | null {
  const storage = getMetadataStorage();
  // As class-validator's executor asks, with no validator options but forbidUnknownValues.
  const metadata = storage.getTargetValidationMetadatas(payloadClass, '', false, false);
  if (metadata.length === 0) {
    return null; // forbidUnknownValues: class-validator refuses an object of a class without rules
  }
  const plan: PropertyPlan[] = [];
  for (const [name, rules] of Object.entries(storage.groupByPropertyName(metadata))) {
    const property = propertyPlan(storage, payloadClass, name, rules);
    if (property === null) {
      return null;
    }
    plan.push(property);
  }
  return plan;
}

function propertyPlan(storage: MetadataStorage, payloadClass: PayloadClass, name: string, metadata: readonly ValidationMetadata[]): PropertyPlan | null {
  const conditions: ((object: object, value: unknown) => boolean)[] = [];
  const rules: Rule[] = [];
  let nested: PayloadClass | null = null;
  for (const entry of metadata) {
    if ((entry.groups?.length ?? 0) > 0) {
      return null;
    }
    switch (entry.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        conditions.push(entry.constraints[0] as (object: object, value: unknown) => boolean);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        for (const constraint of storage.getTargetValidatorConstraints(entry.constraintCls)) {
          const instance = constraint.instance as { validate: (value: unknown, args: ValidationArguments) => unknown } | undefined;
          if (constraint.async || instance === undefined) {
            return null;
          }
          // A rule that answers anything but a boolean (a promise) is class-validator's to judge.
          const validate = (value: unknown, args: ValidationArguments): boolean => instance.validate(value, args) === true;
          const quick = constraint.name === IS_BASE64 && entry.constraints?.[0] === undefined;
          rules.push({ validate: quick ? (value, args) => isPaddedBase64(value) || validate(value, args) : validate, metadata: entry, each: entry.each === true });
        }
        break;
      }
      case ValidationTypes.NESTED_VALIDATION: {
        const type = defaultMetadataStorage.findTypeMetadata(payloadClass, name);
        const nestedClass = type?.typeFunction() as PayloadClass | undefined;
        if (nestedClass === undefined) {
          return null;
        }
        nested = nestedClass;
        break;
      }
      default:
        return null;
    }
  }
  return { name, conditions, rules, nested };
}
