import { StixErrorCode } from '../error-codes';
import type { StixError } from '../validation-result';
import { isFull, report } from '../validation-result';

/**
 * Each granular marking has exactly one of `marking_ref` and `lang`, and each of its selectors
 * points at a property or list item present in the object (STIX 2.1 §7.2.3).
 */
export function checkGranularMarkings(object: Record<string, unknown>, errors: StixError[]): void {
  const markings = object.granular_markings;
  if (!Array.isArray(markings)) {
    return;
  }
  for (let index = 0; index < markings.length && !isFull(errors); index++) {
    const marking: unknown = markings[index];
    if (!isRecord(marking)) {
      continue;
    }
    const pointer = `/granular_markings/${index}`;
    if ((marking.marking_ref === undefined) === (marking.lang === undefined)) {
      report(errors, StixErrorCode.GranularMarkingRefOrLang, pointer, 'a granular marking must have exactly one of marking_ref and lang');
    }
    const selectors = marking.selectors;
    if (!Array.isArray(selectors)) {
      continue;
    }
    for (let position = 0; position < selectors.length && !isFull(errors); position++) {
      const selector: unknown = selectors[position];
      if (typeof selector !== 'string') {
        continue;
      }
      const outcome = resolveSelector(object, selector);
      const at = `${pointer}/selectors/${position}`;
      if (outcome === 'syntax') {
        report(errors, StixErrorCode.GranularSelectorSyntax, at, 'a selector is property names and [n] list indexes joined by "."');
      } else if (outcome === 'unresolved') {
        report(errors, StixErrorCode.GranularSelectorUnresolved, at, 'a selector must point at a property or list item present in the object');
      }
    }
  }
}

/**
 * Follows `description`, `external_references.[0].url`, `labels.[2]`… from the object. A name
 * step needs an object holding that key, an index step a list long enough. The whole selector is
 * read for its syntax before any step is followed.
 */
export function resolveSelector(object: Record<string, unknown>, selector: string): 'resolved' | 'syntax' | 'unresolved' {
  const steps = selector.split('.');
  const indexes = steps.map(listIndex);
  if (indexes.includes('syntax')) {
    return 'syntax';
  }
  let current: unknown = object;
  for (let position = 0; position < steps.length; position++) {
    const index = indexes[position];
    if (typeof index === 'number') {
      if (!Array.isArray(current) || index >= current.length) {
        return 'unresolved';
      }
      current = current[index] as unknown;
      continue;
    }
    const name = steps[position] ?? '';
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, name)) {
      return 'unresolved';
    }
    current = current[name];
  }
  return 'resolved';
}

/** `[n]` → n; a plain name → undefined; anything else (empty, stray brackets) → 'syntax'. */
function listIndex(step: string): number | undefined | 'syntax' {
  if (step.length === 0) {
    return 'syntax';
  }
  if (step.charCodeAt(0) !== 0x5b) {
    return step.includes('[') || step.includes(']') ? 'syntax' : undefined;
  }
  if (step.length < 3 || step.length > 12 || step.charCodeAt(step.length - 1) !== 0x5d) {
    return 'syntax';
  }
  let value = 0;
  for (let position = 1; position < step.length - 1; position++) {
    const code = step.charCodeAt(position);
    if (code < 0x30 || code > 0x39) {
      return 'syntax';
    }
    value = value * 10 + (code - 0x30);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
