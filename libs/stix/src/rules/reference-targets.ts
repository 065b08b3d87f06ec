import { StixErrorCode } from '../error-codes';
import { identifierType } from '../identifier';
import { safeName } from '../property-names';
import type { StixError } from '../validation-result';
import { isFull, report } from '../validation-result';
import type { ReferenceSpec, ReferenceTarget } from './reference-specs';
import { COMMON_REFERENCES, TLP_MARKING_IDS, TYPE_REFERENCES } from './reference-specs';

const TLP_IDS: ReadonlySet<string> = new Set(Object.values(TLP_MARKING_IDS));

/** Top-level names each type's specs cover; other `*_ref(s)` keys get the generic check. */
const COVERED = new Map<string, ReadonlySet<string>>(
  Object.entries(TYPE_REFERENCES).map(([type, specs]) => [type, new Set([...specs, ...COMMON_REFERENCES].map((spec) => spec.path[0] ?? ''))]),
);
const COMMON_COVERED: ReadonlySet<string> = new Set(COMMON_REFERENCES.map((spec) => spec.path[0] ?? ''));

interface ReferenceContext {
  readonly errors: StixError[];
  /** When set, references must resolve to one of these ids (or a TLP marking). */
  readonly bundleIds: ReadonlySet<string> | undefined;
}

/**
 * Every `*_ref` / `*_refs` holds identifiers, and the identifiers name object types the property
 * allows (STIX 2.1 §2.9 and each property table). With `bundleIds`, references must also resolve
 * inside the bundle; `created_by_ref` is exempt (the producer's identity is often published once,
 * apart) and so are the four TLP marking definitions every consumer knows.
 */
export function checkReferences(object: Record<string, unknown>, type: string, errors: StixError[], bundleIds?: ReadonlySet<string>): void {
  const context: ReferenceContext = { errors, bundleIds };
  for (const spec of COMMON_REFERENCES) {
    visit(object, spec, 0, '', context);
  }
  const specs = TYPE_REFERENCES[type];
  if (specs !== undefined) {
    for (const spec of specs) {
      visit(object, spec, 0, '', context);
    }
  }
  const covered = COVERED.get(type) ?? COMMON_COVERED;
  for (const key in object) {
    if (!covered.has(key) && (key.endsWith('_ref') || key.endsWith('_refs'))) {
      checkCustomReference(object[key], key, context);
    }
  }
}

/** Walks `spec.path` from `value`; `pointer` is the JSON Pointer of `value`. */
function visit(value: unknown, spec: ReferenceSpec, depth: number, pointer: string, context: ReferenceContext): void {
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const step = spec.path[depth] ?? '';
  if (step === '*') {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length && !isFull(context.errors); index++) {
        visit(value[index], spec, depth + 1, `${pointer}/${index}`, context);
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    return;
  }
  const child = (value as Record<string, unknown>)[step];
  if (child === undefined) {
    return;
  }
  const childPointer = `${pointer}/${step}`;
  if (depth < spec.path.length - 1) {
    visit(child, spec, depth + 1, childPointer, context);
    return;
  }
  const name = spec.path[spec.path.length - 1] ?? '';
  const exempt = name === 'created_by_ref';
  if (!spec.many) {
    checkIdentifier(child, name, childPointer, spec.target, exempt, context);
  } else if (Array.isArray(child)) {
    for (let index = 0; index < child.length && !isFull(context.errors); index++) {
      checkIdentifier(child[index], name, `${childPointer}/${index}`, spec.target, exempt, context);
    }
  }
}

function checkIdentifier(value: unknown, name: string, pointer: string, target: ReferenceTarget, exempt: boolean, context: ReferenceContext): void {
  if (typeof value !== 'string') {
    return; // the schema reports the JSON type
  }
  const targetType = identifierType(value);
  if (targetType === undefined) {
    report(context.errors, StixErrorCode.InvalidIdentifier, pointer, `${name} must hold identifiers "<type>--<UUID>"`);
  } else if (!target.accepts(targetType)) {
    report(context.errors, StixErrorCode.ReferenceTargetType, pointer, `${name} must reference ${target.description}`);
  } else if (context.bundleIds !== undefined && !exempt && !context.bundleIds.has(value) && !TLP_IDS.has(value)) {
    report(context.errors, StixErrorCode.UnresolvedReference, pointer, `${name} must reference an object of the same bundle`);
  }
}

/** A custom `x_…_ref(s)` property: identifiers of any type, resolved like the others. */
function checkCustomReference(value: unknown, key: string, context: ReferenceContext): void {
  const name = safeName(key);
  const pointer = `/${name}`;
  const many = key.endsWith('_refs');
  if (many ? !Array.isArray(value) : typeof value !== 'string') {
    const message = many ? 'a *_refs property must hold a list of identifiers' : 'a *_ref property must hold an identifier';
    report(context.errors, StixErrorCode.InvalidIdentifier, pointer, message);
    return;
  }
  const target: ReferenceTarget = { description: 'any STIX object', accepts: () => true };
  if (many) {
    const items = value as unknown[];
    for (let index = 0; index < items.length && !isFull(context.errors); index++) {
      const item = items[index];
      if (typeof item === 'string') {
        checkIdentifier(item, 'a *_refs property', `${pointer}/${index}`, target, false, context);
      } else {
        report(context.errors, StixErrorCode.InvalidIdentifier, `${pointer}/${index}`, 'a *_refs property must hold a list of identifiers');
      }
    }
  } else {
    checkIdentifier(value, 'a *_ref property', pointer, target, false, context);
  }
}
