import type { ConsentLevel, ObjectFailure, SealedSubmission, StixObject, SubmitterProfile } from '@ais/contracts';

export enum ValidationErrorCode {
  NotAnObject = 'AIS_VALIDATION_NOT_AN_OBJECT',
  BadType = 'AIS_VALIDATION_BAD_TYPE',
  BadId = 'AIS_VALIDATION_BAD_ID',
  BadSpecVersion = 'AIS_VALIDATION_BAD_SPEC_VERSION',
  DuplicateObject = 'AIS_VALIDATION_DUPLICATE_OBJECT',
  NoObjects = 'AIS_VALIDATION_NO_OBJECTS',
}

export type ValidationDecision =
  | { readonly kind: 'rejected'; readonly reasons: ObjectFailure[] }
  | {
      readonly kind: 'validated';
      readonly objects: StixObject[];
      readonly failures: ObjectFailure[];
      readonly submitter: SubmitterProfile;
      readonly consent: ConsentLevel;
    };

/** The AIS Profile version this build checks against (issue 3 makes the profile versioned data). */
export const PROFILE_VERSION = '0.1.0-skeleton';

const TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Decides a submission's fate from its opened content: every object is checked on its own, and
 * the submission is rejected only when no object passes. Reasons name rules, never values.
 */
export function validateSubmission(content: SealedSubmission): ValidationDecision {
  if (content.objects.length === 0) {
    return { kind: 'rejected', reasons: [{ code: ValidationErrorCode.NoObjects, message: 'the envelope holds no objects' }] };
  }
  const accepted: StixObject[] = [];
  const failures: ObjectFailure[] = [];
  const seen = new Set<string>();
  for (const candidate of content.objects as unknown[]) {
    const failure = checkObject(candidate, seen);
    if (failure === null) {
      accepted.push(candidate as StixObject);
    } else {
      failures.push(failure);
    }
  }
  if (accepted.length === 0) {
    return { kind: 'rejected', reasons: failures };
  }
  return {
    kind: 'validated',
    objects: accepted,
    failures,
    submitter: content.submitter.profile,
    consent: content.submitter.defaultConsent,
  };
}

function checkObject(candidate: unknown, seen: Set<string>): ObjectFailure | null {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return { code: ValidationErrorCode.NotAnObject, message: 'each entry of objects must be a JSON object' };
  }
  const object = candidate as Record<string, unknown>;
  const id = typeof object.id === 'string' ? object.id : undefined;
  if (typeof object.type !== 'string' || !TYPE.test(object.type)) {
    return { objectId: id, code: ValidationErrorCode.BadType, message: 'type must be 3-250 lowercase letters, digits and hyphens' };
  }
  if (id === undefined || !id.startsWith(`${object.type}--`) || !UUID.test(id.slice(object.type.length + 2))) {
    return { objectId: id, code: ValidationErrorCode.BadId, message: 'id must be <type>--<UUID> with the object type as prefix' };
  }
  if (object.spec_version !== undefined && object.spec_version !== '2.1') {
    return { objectId: id, code: ValidationErrorCode.BadSpecVersion, message: 'spec_version must be 2.1' };
  }
  const version = `${id}@${typeof object.modified === 'string' ? object.modified : ''}`;
  if (seen.has(version)) {
    return { objectId: id, code: ValidationErrorCode.DuplicateObject, message: 'the same object version appears twice in the envelope' };
  }
  seen.add(version);
  return null;
}
