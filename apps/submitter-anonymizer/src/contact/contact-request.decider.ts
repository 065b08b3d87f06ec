/** A contact request's life: pending until its submitter answers, once. */
export type ContactRequestState = 'pending' | 'granted' | 'denied';

export enum ContactErrorCode {
  UnknownObject = 'AIS_CONTACT_UNKNOWN_OBJECT',
  UnknownRequest = 'AIS_CONTACT_UNKNOWN_REQUEST',
  AlreadyAnswered = 'AIS_CONTACT_ALREADY_ANSWERED',
  NotYours = 'AIS_CONTACT_NOT_YOURS',
  NotGranted = 'AIS_CONTACT_NOT_GRANTED',
}

export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: ContactErrorCode };

/** The submitter answers a pending request for their own submission. */
export function decideAnswer(request: { state: ContactRequestState; submitterId: string }, answeredBy: string, grant: boolean): Decision<ContactRequestState> {
  if (request.submitterId !== answeredBy) {
    return { ok: false, code: ContactErrorCode.NotYours };
  }
  if (request.state !== 'pending') {
    return { ok: false, code: ContactErrorCode.AlreadyAnswered };
  }
  return { ok: true, value: grant ? 'granted' : 'denied' };
}

/** Only the requesting entity sees the identity, and only once granted. */
export function decideRelease(request: { state: ContactRequestState; federalEntity: string }, readerEntity: string | null): Decision<true> {
  if (readerEntity !== request.federalEntity) {
    return { ok: false, code: ContactErrorCode.NotYours };
  }
  if (request.state !== 'granted') {
    return { ok: false, code: ContactErrorCode.NotGranted };
  }
  return { ok: true, value: true };
}
