import type { Detector, DetectorId, FieldContext, Finding } from '../types';
import { bankAccountDetector } from './bank-account.detector';
import { credentialDetector } from './credential.detector';
import { driversLicenceDetector } from './drivers-licence.detector';
import { emailDetector } from './email.detector';
import { ibanDetector } from './iban.detector';
import { passportDetector } from './passport.detector';
import { paymentCardDetector } from './payment-card.detector';
import { personNameDetector } from './person-name.detector';
import { phoneDetector } from './phone.detector';
import { ssnDetector } from './ssn.detector';
import { streetAddressDetector } from './street-address.detector';
import { urlQueryPiiDetector } from './url-query-pii.detector';
import { usernameInPathDetector } from './username-in-path.detector';

/**
 * Every detector, in precedence order: when two findings overlap, the earlier detector's is kept
 * (a validated identifier explains a span better than a context rule; `?email=jdoe@corp.com` is
 * a URL-parameter finding first).
 */
export const ALL_DETECTORS: readonly Detector[] = [
  credentialDetector,
  urlQueryPiiDetector,
  emailDetector,
  ssnDetector,
  paymentCardDetector,
  ibanDetector,
  phoneDetector,
  bankAccountDetector,
  passportDetector,
  driversLicenceDetector,
  usernameInPathDetector,
  streetAddressDetector,
  personNameDetector,
];

const PRECEDENCE: ReadonlyMap<DetectorId, number> = new Map(ALL_DETECTORS.map((detector, index) => [detector.id, index]));

/** Rank of a detector in `ALL_DETECTORS` (lower explains a span better). */
export function detectorPrecedence(id: DetectorId): number {
  return PRECEDENCE.get(id) ?? ALL_DETECTORS.length;
}

/** All findings of all detectors in `text`, overlaps resolved by precedence, sorted by position. */
export function runDetectors(text: string, context: FieldContext, detectors: readonly Detector[] = ALL_DETECTORS): Finding[] {
  const all: Finding[] = [];
  for (const detector of detectors) {
    for (const finding of detector.detect(text, context)) {
      all.push(finding);
    }
  }
  if (all.length < 2) {
    return all;
  }
  all.sort((a, b) => (PRECEDENCE.get(a.detector) ?? 0) - (PRECEDENCE.get(b.detector) ?? 0) || a.start - b.start);
  // Occupancy per code unit keeps this linear in the total length of the findings.
  const taken = new Uint8Array(text.length + 1);
  const kept: Finding[] = [];
  for (const finding of all) {
    let free = true;
    for (let i = finding.start; i < finding.end; i += 1) {
      if (taken[i] === 1) {
        free = false;
        break;
      }
    }
    if (free) {
      taken.fill(1, finding.start, finding.end);
      kept.push(finding);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
