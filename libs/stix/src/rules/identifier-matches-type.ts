import { StixErrorCode } from '../error-codes';
import { identifierType, identifierUuidVersion } from '../identifier';
import type { StixObjectKind } from '../object-kinds';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/**
 * `id` is `<type>--<UUID>` with the object's own type. SCO identifiers are UUIDv5 (deterministic,
 * from the contributing properties) or UUIDv4; other objects may use any RFC 4122 version.
 */
export function checkIdentifier(object: Record<string, unknown>, type: string, kind: StixObjectKind, errors: StixError[]): void {
  const id = object.id;
  if (typeof id !== 'string') {
    return; // missing or not a string: the schema reports it
  }
  const idType = identifierType(id);
  if (idType === undefined) {
    report(errors, StixErrorCode.InvalidIdentifier, '/id', 'id must be "<type>--<UUID>" with an RFC 4122 UUID');
  } else if (idType !== type) {
    report(errors, StixErrorCode.IdentifierTypeMismatch, '/id', 'id must start with the object type');
  } else if (kind === 'sco') {
    const version = identifierUuidVersion(id);
    if (version !== 4 && version !== 5) {
      report(errors, StixErrorCode.IdentifierUuidVersion, '/id', 'the id of a cyber-observable object must use a version 4 or 5 UUID');
    }
  }
}
