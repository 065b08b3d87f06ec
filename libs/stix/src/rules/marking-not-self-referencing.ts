import { StixErrorCode } from '../error-codes';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/**
 * A marking definition may itself be marked, but never by itself: its own id in its
 * `object_marking_refs` or a granular `marking_ref` is a circular reference (STIX 2.1 §7.2.2).
 * Cycles through several definitions are a batch check (`markingCycles`).
 */
export function checkMarkingNotSelfReferencing(object: Record<string, unknown>, errors: StixError[]): void {
  const id = object.id;
  if (typeof id !== 'string') {
    return;
  }
  markingRefsOf(object).forEach(({ ref, pointer }) => {
    if (ref === id) {
      report(errors, StixErrorCode.CircularMarking, pointer, 'a marking definition must not be marked by itself');
    }
  });
}

/** The marking references of an object, with where each sits. */
export function markingRefsOf(object: Record<string, unknown>): { ref: string; pointer: string }[] {
  const found: { ref: string; pointer: string }[] = [];
  const refs = object.object_marking_refs;
  if (Array.isArray(refs)) {
    refs.forEach((ref: unknown, index) => {
      if (typeof ref === 'string') {
        found.push({ ref, pointer: `/object_marking_refs/${index}` });
      }
    });
  }
  const markings = object.granular_markings;
  if (Array.isArray(markings)) {
    markings.forEach((marking: unknown, index) => {
      const ref = typeof marking === 'object' && marking !== null ? (marking as Record<string, unknown>).marking_ref : undefined;
      if (typeof ref === 'string') {
        found.push({ ref, pointer: `/granular_markings/${index}/marking_ref` });
      }
    });
  }
  return found;
}
