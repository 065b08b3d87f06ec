import { StixErrorCode } from '../error-codes';
import { compareStixTimestamps, isStixTimestamp } from '../timestamp';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

interface TimeRange {
  readonly start: string;
  readonly end: string;
  /** The end must be strictly later (relationship stop_time); otherwise later or equal. */
  readonly strict: boolean;
}

const SEEN: readonly TimeRange[] = [{ start: 'first_seen', end: 'last_seen', strict: false }];

/** The other start/end pairs the specification orders (indicator validity has its own rule). */
const RANGES: Readonly<Record<string, readonly TimeRange[]>> = {
  campaign: SEEN,
  infrastructure: SEEN,
  'intrusion-set': SEEN,
  malware: SEEN,
  'threat-actor': SEEN,
  sighting: SEEN,
  'observed-data': [{ start: 'first_observed', end: 'last_observed', strict: false }],
  relationship: [{ start: 'start_time', end: 'stop_time', strict: true }],
  'network-traffic': [{ start: 'start', end: 'end', strict: false }],
};

export function checkTimeRangesInOrder(object: Record<string, unknown>, type: string, errors: StixError[]): void {
  const ranges = RANGES[type];
  if (ranges === undefined) {
    return;
  }
  for (const range of ranges) {
    const start = object[range.start];
    const end = object[range.end];
    if (!isStixTimestamp(start) || !isStixTimestamp(end)) {
      continue;
    }
    const order = compareStixTimestamps(end, start);
    if (order < 0 || (range.strict && order === 0)) {
      const relation = range.strict ? 'later than' : 'later than or equal to';
      report(errors, StixErrorCode.TimeRangeReversed, `/${range.end}`, `${range.end} must be ${relation} ${range.start}`);
    }
  }
}
