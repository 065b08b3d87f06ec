import { canonicalEntry, chainEntries, chainHash, ChainVerifier, EMPTY_HEAD, GENESIS_HASH, type ChainedEntry } from './usage-chain';
import type { UsageEntry } from './usage-log.decider';

function entry(n: number, detail: UsageEntry['detail'] = { entity: 'energy', objectCount: n }): UsageEntry {
  return {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    occurredAt: `2025-03-01T12:00:0${n % 10}.000Z`,
    actor: '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f',
    role: 'federal-consumer',
    action: 'federal.read',
    resource: 'taxii-federal/objects',
    detail,
  };
}

function verify(entries: readonly ChainedEntry[], head = entries.length === 0 ? EMPTY_HEAD : { seq: entries[entries.length - 1]!.seq, hash: entries[entries.length - 1]!.hash }) {
  const verifier = new ChainVerifier();
  verifier.feed(entries);
  return verifier.finish(head);
}

describe('the usage hash chain', () => {
  const chain = chainEntries(EMPTY_HEAD, [entry(1), entry(2), entry(3), entry(4)]);

  it('numbers entries from 1 and links each to the one before: hash = sha256(previous ‖ canonical)', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.hash).toBe(chainHash(chain[1]!.hash, canonicalEntry(3, entry(3))));
    expect(chain[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('continues a chain from its head as if written in one go', () => {
    const first = chainEntries(EMPTY_HEAD, [entry(1), entry(2)]);
    const rest = chainEntries({ seq: 2, hash: first[1]!.hash }, [entry(3), entry(4)]);
    expect([...first, ...rest]).toEqual(chain);
  });

  it('does not depend on the order of detail keys', () => {
    expect(canonicalEntry(1, entry(1, { a: 1, b: 'x' }))).toBe(canonicalEntry(1, entry(1, { b: 'x', a: 1 })));
  });

  it('verifies an intact chain, fed in pages, and an empty one', () => {
    const verifier = new ChainVerifier();
    expect(verifier.feed(chain.slice(0, 2))).toBe(true);
    expect(verifier.feed(chain.slice(2))).toBe(true);
    expect(verifier.finish({ seq: 4, hash: chain[3]!.hash })).toEqual({ ok: true, entries: 4, head: { seq: 4, hash: chain[3]!.hash } });
    expect(verify([])).toEqual({ ok: true, entries: 0, head: EMPTY_HEAD });
  });

  it('finds an edited entry', () => {
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, actor: 'someone-else' } : e));
    expect(verify(edited, { seq: 4, hash: chain[3]!.hash })).toMatchObject({ ok: false, kind: 'edited', seq: 2 });
    const retimed = chain.map((e) => (e.seq === 3 ? { ...e, occurredAt: '2024-01-01T00:00:00.000Z' } : e));
    expect(verify(retimed, { seq: 4, hash: chain[3]!.hash })).toMatchObject({ ok: false, kind: 'edited', seq: 3 });
  });

  it('finds a removed entry, and a removed tail', () => {
    expect(verify([chain[0]!, chain[2]!, chain[3]!], { seq: 4, hash: chain[3]!.hash })).toMatchObject({ ok: false, kind: 'removed', seq: 2 });
    expect(verify(chain.slice(0, 3), { seq: 4, hash: chain[3]!.hash })).toMatchObject({ ok: false, kind: 'removed', seq: 4 });
  });

  it('finds an entry whose hash was recomputed after an edit, by the broken link after it', () => {
    const forged = { ...chain[1]!, actor: 'someone-else' };
    const rehashed = { ...forged, hash: chainHash(forged.prevHash, canonicalEntry(2, forged)) };
    expect(verify([chain[0]!, rehashed, chain[2]!, chain[3]!], { seq: 4, hash: chain[3]!.hash })).toMatchObject({ ok: false, kind: 'link-broken', seq: 3 });
  });

  it('finds an entry removed and the rest renumbered', () => {
    const renumbered = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[3]!, seq: 3 }];
    expect(verify(renumbered, { seq: 3, hash: chain[3]!.hash })).toMatchObject({ ok: false, seq: 2 });
  });
});
