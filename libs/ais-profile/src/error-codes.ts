/**
 * Why the AIS Profile removed a field, failed an object or rejected a submission. Values are stable:
 * they travel in `SubmissionValidated.removals`, `failures` and `SubmissionRejected.reasons`.
 */
export enum ProfileErrorCode {
  TypeNotInProfile = 'AIS_PROFILE_TYPE_NOT_IN_PROFILE',
  PropertyNotInProfile = 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE',
  ValueNotInVocabulary = 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY',
  TlpMarkingMissing = 'AIS_PROFILE_TLP_MARKING_MISSING',
  TlpMarkingConflict = 'AIS_PROFILE_TLP_MARKING_CONFLICT',
  SubmitterSectorMissing = 'AIS_PROFILE_SUBMITTER_SECTOR_MISSING',
  SubmitterLocationMissing = 'AIS_PROFILE_SUBMITTER_LOCATION_MISSING',
}

/** The rule behind each code, in a sentence that never quotes a submitted value. */
export const PROFILE_ERROR_MESSAGES: Readonly<Record<ProfileErrorCode, string>> = {
  [ProfileErrorCode.TypeNotInProfile]: 'the object type is not in the AIS Profile',
  [ProfileErrorCode.PropertyNotInProfile]: 'the property is not in the AIS Profile for this object type',
  [ProfileErrorCode.ValueNotInVocabulary]: 'the value is not in the AIS Profile controlled vocabulary of this property',
  [ProfileErrorCode.TlpMarkingMissing]: 'every object must carry a TLP marking (white, green or amber) in object_marking_refs',
  [ProfileErrorCode.TlpMarkingConflict]: 'an object must carry exactly one TLP marking',
  [ProfileErrorCode.SubmitterSectorMissing]:
    'the submitter sector is required: register one or give it in the sectors of the submitter identity (STIX industry-sector values of the AIS Profile)',
  [ProfileErrorCode.SubmitterLocationMissing]:
    'the submitter location is required: a country and a state or city, from the registration or a location the submitter identity is located-at',
};

/** Why a proposed change cannot be applied to a profile version. */
export enum ProfileChangeErrorCode {
  Invalid = 'AIS_PROFILE_CHANGE_INVALID',
  AlreadyInProfile = 'AIS_PROFILE_CHANGE_ALREADY_IN_PROFILE',
  NotInProfile = 'AIS_PROFILE_CHANGE_NOT_IN_PROFILE',
  UnknownVocabulary = 'AIS_PROFILE_CHANGE_UNKNOWN_VOCABULARY',
  ProtectedField = 'AIS_PROFILE_CHANGE_PROTECTED_FIELD',
}

export const PROFILE_CHANGE_ERROR_MESSAGES: Readonly<Record<ProfileChangeErrorCode, string>> = {
  [ProfileChangeErrorCode.Invalid]: 'a change adds or deletes one property of an object type, or one value of a vocabulary',
  [ProfileChangeErrorCode.AlreadyInProfile]: 'the field or value is already in the AIS Profile',
  [ProfileChangeErrorCode.NotInProfile]: 'the field or value is not in the AIS Profile',
  [ProfileChangeErrorCode.UnknownVocabulary]: 'the AIS Profile has no vocabulary of this name',
  [ProfileChangeErrorCode.ProtectedField]: 'id, spec_version, created, modified and object_marking_refs stay in every object type of the profile',
};
