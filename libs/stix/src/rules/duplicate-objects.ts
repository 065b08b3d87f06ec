import { StixErrorCode } from '../error-codes';
import { compareStixTimestamps, isStixTimestamp } from '../timestamp';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/**
 * One batch carries each version of an object once: a second object with the same id and the same
 * `modified` (`created` for marking definitions, nothing for SCOs) is a duplicate. Later copies are
 * reported; the first stands.
 */
export function checkDuplicateObjects(objects: readonly unknown[], errorsByObject: readonly StixError[][]): void {
  const seen = new Map<string, string[]>();
  objects.forEach((object, index) => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      return;
    }
    const record = object as Record<string, unknown>;
    if (typeof record.id !== 'string') {
      return;
    }
    const version = versionOf(record);
    const versions = seen.get(record.id);
    if (versions === undefined) {
      seen.set(record.id, [version]);
      return;
    }
    if (versions.some((other) => sameVersion(other, version))) {
      report(errorsByObject[index] ?? [], StixErrorCode.DuplicateObject, '/id', 'the batch already holds an object with this id and version');
    } else {
      versions.push(version);
    }
  });
}

function versionOf(object: Record<string, unknown>): string {
  const version = object.modified ?? object.created;
  return isStixTimestamp(version) ? version : '';
}

function sameVersion(left: string, right: string): boolean {
  if (left === '' || right === '') {
    return left === right;
  }
  return compareStixTimestamps(left, right) === 0;
}
