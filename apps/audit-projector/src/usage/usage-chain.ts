import { createHash } from 'node:crypto';
import type { UsageEntry } from './usage-log.decider';

/** The `previous_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** A usage-log entry with its place in the chain. */
export interface ChainedEntry extends UsageEntry {
  /** 1, 2, 3 … in log order, without gaps. */
  readonly seq: number;
  readonly prevHash: string;
  /** sha256(prevHash ‖ canonical(entry)), lowercase hex. */
  readonly hash: string;
}

/** The chain's end as the log's head row stores it: the last sequence number and its hash. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

function sortedDetail(detail: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.keys(detail)
    .sort()
    .map((key) => [key, detail[key]]);
}

/**
 * The bytes an entry's hash covers: a JSON array in a fixed field order, detail keys sorted, time
 * as ISO 8601 UTC with milliseconds. Independent of how PostgreSQL orders jsonb keys.
 */
export function canonicalEntry(seq: number, entry: UsageEntry): string {
  return JSON.stringify([seq, entry.eventId, new Date(entry.occurredAt).toISOString(), entry.actor, entry.role, entry.action, entry.resource, sortedDetail(entry.detail)]);
}

/** sha256 over the previous hash (64 hex characters) followed by the canonical entry, UTF-8. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** Appends entries after `head`, in the order given. */
export function chainEntries(head: ChainHead, entries: readonly UsageEntry[]): ChainedEntry[] {
  let { seq, hash } = head;
  return entries.map((entry) => {
    seq += 1;
    const prevHash = hash;
    hash = chainHash(prevHash, canonicalEntry(seq, entry));
    return { ...entry, seq, prevHash, hash };
  });
}

/** What verification found wrong first: an entry changed, entries missing, or the head moved. */
export type ChainProblem = { readonly kind: 'edited' | 'removed' | 'link-broken'; readonly seq: number; readonly reason: string };

export type ChainVerdict = { readonly ok: true; readonly entries: number; readonly head: ChainHead } | ({ readonly ok: false; readonly entries: number } & ChainProblem);

/**
 * Recomputes the chain over stored entries, fed in `seq` order page by page, and reports the first
 * entry that was edited (its hash, or its link to the one before, no longer matches) or removed (a
 * gap in the sequence, or fewer entries than the head row says).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  private count = 0;
  private problem: ChainProblem | null = null;

  /** Feeds the next entries; false once a problem is found (later pages need not be read). */
  feed(entries: readonly ChainedEntry[]): boolean {
    for (const entry of entries) {
      if (this.problem !== null) {
        return false;
      }
      this.check(entry);
    }
    return this.problem === null;
  }

  /** The verdict, given the head row the projection keeps (null: the head row is missing). */
  finish(head: ChainHead | null): ChainVerdict {
    const last: ChainHead = { seq: this.expectedSeq - 1, hash: this.prev };
    if (this.problem === null && head === null && last.seq > 0) {
      this.problem = { kind: 'removed', seq: last.seq, reason: 'the chain head row is missing' };
    }
    if (this.problem === null && head !== null) {
      if (head.seq > last.seq) {
        this.problem = { kind: 'removed', seq: last.seq + 1, reason: `the head says ${head.seq} entries, the log ends at ${last.seq}` };
      } else if (head.seq < last.seq) {
        this.problem = { kind: 'edited', seq: head.seq + 1, reason: `entries after the head (${head.seq}) were added outside the projection` };
      } else if (head.hash !== last.hash) {
        this.problem = { kind: 'edited', seq: last.seq, reason: 'the last entry does not match the head' };
      }
    }
    return this.problem === null ? { ok: true, entries: this.count, head: last } : { ok: false, entries: this.count, ...this.problem };
  }

  private check(entry: ChainedEntry): void {
    this.count += 1;
    if (entry.seq !== this.expectedSeq) {
      this.problem =
        entry.seq > this.expectedSeq
          ? { kind: 'removed', seq: this.expectedSeq, reason: `entries ${this.expectedSeq}–${entry.seq - 1} are missing` }
          : { kind: 'edited', seq: entry.seq, reason: 'sequence numbers are out of order' };
      return;
    }
    if (entry.prevHash !== this.prev) {
      this.problem = {
        kind: 'link-broken',
        seq: entry.seq,
        reason: 'its previous_hash does not match the entry before it: that entry was edited (and its hash recomputed) or removed (and the rest renumbered), or this link was rewritten',
      };
      return;
    }
    if (chainHash(entry.prevHash, canonicalEntry(entry.seq, entry)) !== entry.hash) {
      this.problem = { kind: 'edited', seq: entry.seq, reason: 'its content no longer matches its hash' };
      return;
    }
    this.prev = entry.hash;
    this.expectedSeq += 1;
  }
}
