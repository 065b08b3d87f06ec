import { parseTaxiiTimestamp } from './taxii-timestamp';

/**
 * A stateless `next` cursor: the last (date_added, sequence) returned, so paging works behind a
 * load balancer and is stable while objects are added (TAXII 2.1 §3.4, cti-taxii-server#152).
 */
export interface PagingPosition {
  readonly dateAdded: string;
  readonly sequence: string;
}

export function encodeCursor(position: PagingPosition): string {
  return Buffer.from(`${position.dateAdded}|${position.sequence}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagingPosition | null {
  const [dateAdded, sequence, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (dateAdded === undefined || sequence === undefined || extra !== undefined || !/^\d{1,18}$/.test(sequence) || parseTaxiiTimestamp(dateAdded) === null) {
    return null;
  }
  return { dateAdded, sequence };
}
