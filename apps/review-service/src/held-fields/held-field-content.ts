import type { StixObject } from '@ais/contracts';

/** One withheld field as the event lists it: where and why, never what. */
export interface HeldFieldRecord {
  readonly path: string;
  readonly detector: string;
  readonly reason: string;
}

/** One withheld field with its value, as the analyst sees it. */
export interface HeldValue extends HeldFieldRecord {
  readonly value: unknown;
}

/** The seal opened: the object as published without the held fields, and each held value by path. */
export interface HeldContent {
  readonly object: StixObject;
  readonly values: HeldValue[];
}

/**
 * Reads what pii-filter sealed for one object (`{ values: Record<path, unknown>, object }`)
 * against the fields its `FieldsHeld` listed. Null when the content does not have that shape, is
 * another object's, or lacks a listed field: such a seal is not shown as if it were this task's.
 */
export function readHeldContent(opened: unknown, expected: { readonly objectId: string; readonly fields: readonly HeldFieldRecord[] }): HeldContent | null {
  if (!isRecord(opened) || !isRecord(opened.values) || !isRecord(opened.object)) {
    return null;
  }
  const { values, object } = opened;
  if (typeof object.type !== 'string' || object.id !== expected.objectId) {
    return null;
  }
  const held: HeldValue[] = [];
  for (const field of expected.fields) {
    if (!Object.prototype.hasOwnProperty.call(values, field.path)) {
      return null;
    }
    held.push({ path: field.path, detector: field.detector, reason: field.reason, value: values[field.path] });
  }
  return { object: object as StixObject, values: held };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
