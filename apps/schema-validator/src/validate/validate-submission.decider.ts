import { checkMinimum, PROFILE_ERROR_MESSAGES, ProfileErrorCode, pruneToProfile, type AisProfile, type FieldRemoval, type ProfileObject } from '@ais/ais-profile';
import type { ConsentLevel, ObjectFailure, SealedSubmission, StixObject, SubmitterProfile } from '@ais/contracts';
import { validateStixObjects, type StixValidationResult } from '@ais/stix';

export enum ValidationErrorCode {
  NoObjects = 'AIS_VALIDATION_NO_OBJECTS',
  InvalidAfterPruning = 'AIS_VALIDATION_INVALID_AFTER_PRUNING',
}

const MESSAGES: Readonly<Record<ValidationErrorCode, string>> = {
  [ValidationErrorCode.NoObjects]: 'the envelope holds no objects',
  [ValidationErrorCode.InvalidAfterPruning]:
    'once pruned to the AIS Profile the object is no longer valid STIX 2.1: a property it requires is outside the profile or its vocabulary',
};

export type ValidationDecision =
  | { readonly kind: 'rejected'; readonly reasons: ObjectFailure[] }
  | {
      readonly kind: 'validated';
      readonly objects: StixObject[];
      readonly failures: ObjectFailure[];
      readonly removals: FieldRemoval[];
      readonly submitter: SubmitterProfile;
      readonly consent: ConsentLevel;
    };

/** The longest reason message a contract allows. */
const MAX_MESSAGE = 500;

/**
 * Decides a submission's fate against one AIS Profile version (§2.3.1.1, §2.3.1.2):
 *
 * 1. every object is checked as STIX 2.1 on its own; an invalid one fails with its first rule;
 * 2. the valid ones are pruned to the profile (an object type outside it fails the object; a
 *    property or value outside it is removed and recorded by path);
 * 3. a pruned object that is no longer valid STIX fails (a required field fell outside the profile);
 * 4. the minimum: one TLP marking per object (else the object fails), the submitter's sector(s)
 *    and location, consent.
 *
 * The submission is rejected when no object is left or the submission-wide minimum is not met;
 * submission-wide reasons come first. Reasons name rules, never values.
 */
export function validateSubmission(content: SealedSubmission, profile: AisProfile): ValidationDecision {
  const submitted: unknown[] = Array.isArray(content.objects) ? (content.objects as unknown[]) : [];
  if (submitted.length === 0) {
    return { kind: 'rejected', reasons: [failure(undefined, ValidationErrorCode.NoObjects, MESSAGES[ValidationErrorCode.NoObjects])] };
  }
  const failures: ObjectFailure[] = [];
  const stixValid: ProfileObject[] = [];
  validateStixObjects(submitted).forEach((result, index) => {
    const object = submitted[index];
    if (result.valid) {
      stixValid.push(object as ProfileObject);
    } else {
      failures.push(stixFailure(object, result));
    }
  });

  const pruned = pruneToProfile(stixValid, profile);
  failures.push(...pruned.failures);
  const stillValid: ProfileObject[] = [];
  validateStixObjects(pruned.objects).forEach((result, index) => {
    const object = pruned.objects[index] as ProfileObject;
    if (result.valid) {
      stillValid.push(object);
    } else {
      failures.push(failure(object.id, ValidationErrorCode.InvalidAfterPruning, MESSAGES[ValidationErrorCode.InvalidAfterPruning]));
    }
  });

  const { submitter: registered } = content;
  const minimum = checkMinimum(
    stillValid,
    {
      sectors: registered.profile.sectors,
      city: registered.profile.city,
      state: registered.profile.state,
      country: registered.profile.country,
      defaultConsent: registered.defaultConsent,
    },
    profile,
  );
  failures.push(...minimum.failures);
  if (minimum.problems.length > 0 || minimum.submitter === null) {
    const location = ProfileErrorCode.SubmitterLocationMissing;
    const problems = minimum.problems.length > 0 ? minimum.problems : [failure(undefined, location, PROFILE_ERROR_MESSAGES[location])];
    return { kind: 'rejected', reasons: [...problems, ...failures] };
  }
  if (minimum.objects.length === 0) {
    return { kind: 'rejected', reasons: failures };
  }
  const travelling = new Set(minimum.objects.map((object) => object.id));
  return {
    kind: 'validated',
    objects: minimum.objects as StixObject[],
    failures,
    removals: pruned.removals.filter((removal) => travelling.has(removal.objectId)),
    submitter: minimum.submitter,
    consent: minimum.consent,
  };
}

/** The first broken rule names the failure; the path is left out, as property names are the submitter's. */
function stixFailure(object: unknown, result: StixValidationResult): ObjectFailure {
  const id = typeof object === 'object' && object !== null ? (object as Record<string, unknown>).id : undefined;
  const [first, ...rest] = result.errors;
  const code = first?.code ?? 'AIS_STIX_INVALID';
  const message = (first?.message ?? 'the object is not valid STIX 2.1') + (rest.length > 0 ? ` (and ${rest.length} more)` : '');
  return failure(typeof id === 'string' ? id : undefined, code, message);
}

function failure(objectId: string | undefined, code: string, message: string): ObjectFailure {
  const clipped = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  return objectId === undefined ? { code, message: clipped } : { objectId, code, message: clipped };
}
