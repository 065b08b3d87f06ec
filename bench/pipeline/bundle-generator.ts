/**
 * Realistic AIS submissions for the end-to-end benchmark, from a fixed seed so that every run
 * posts the same stream of bundles.
 *
 * Every bundle is what a participant's sharing tool sends: the submitter's `identity` (sector,
 * `ais-consent-none` label), `k` indicators with STIX patterns (1–3 comparisons, sometimes
 * qualified), for about half of them an observable (ipv4-addr, domain-name, url or file), for a
 * third a `malware` with an `indicates` relationship; every object carries one TLP marking
 * (WHITE/GREEN/AMBER). Indicator count `k` per bundle (the size distribution):
 *
 *   k = 1: 45 %   k = 2: 20 %   k = 3–5: 20 %   k = 6–10: 10 %   k = 11–40: 5 %   (uniform inside a range)
 *
 * which gives about 9 objects per bundle on average (see `MEAN_OBJECTS_PER_BUNDLE`), most bundles
 * small and a few large ones, as on AIS. About 3 % of indicators carry a contact e-mail address or
 * phone number in their description, so pii-filter holds a field now and then (those go to review;
 * the first version is still published without the field).
 */
import { TLP_MARKING_IDS } from '@ais/stix';

export interface Bundle {
  readonly objects: readonly Record<string, unknown>[];
}

/** The indicator-count distribution above: [probability, smallest k, largest k]. */
export const INDICATOR_COUNT_DISTRIBUTION: readonly (readonly [number, number, number])[] = [
  [0.45, 1, 1],
  [0.2, 2, 2],
  [0.2, 3, 5],
  [0.1, 6, 10],
  [0.05, 11, 40],
];

/** Share of indicators with personal information in the description. */
export const PII_SHARE = 0.03;

const SECTORS = ['energy', 'financial-services', 'healthcare', 'technology', 'transportation', 'communications', 'government'];
const TLP = [TLP_MARKING_IDS.white, TLP_MARKING_IDS.green, TLP_MARKING_IDS.amber] as string[];
const INDICATOR_TYPES = ['malicious-activity', 'anomalous-activity', 'compromised', 'attribution'];
const DESCRIPTIONS = [
  'Observed in a phishing campaign against the energy sector; block at the perimeter.',
  'Command and control server contacted by a loader after initial access.',
  'Credential harvesting page hosted on compromised infrastructure.',
  'Scanning activity against VPN concentrators, several thousand attempts per hour.',
  'Hash of a dropper delivered as an invoice attachment.',
];
const PII_DESCRIPTIONS = [
  (tag: string) => `Reported to our SOC by jordan.miles${tag}@northwind-utilities.com after a suspicious login.`,
  (tag: string) => `Victim contact for follow-up: +1 (415) 555-${tag.slice(0, 4).replace(/[a-f]/g, '7')}.`,
];

/** mulberry32: small, fast and seedable. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class BundleGenerator {
  private readonly next: () => number;
  /** Timestamps advance with the stream, so versions never repeat. */
  private clock = Date.UTC(2026, 0, 1);

  constructor(seed = 20_261_201) {
    this.next = mulberry32(seed);
  }

  bundle(): Bundle {
    const created = this.timestamp();
    const identity = this.identity(created);
    const objects: Record<string, unknown>[] = [identity];
    const indicators = this.indicatorCount();
    for (let i = 0; i < indicators; i++) {
      const indicator = this.indicator(created, identity.id as string);
      objects.push(indicator);
      if (this.next() < 0.5) {
        objects.push(this.observable());
      }
      if (this.next() < 1 / 3) {
        const malware = this.malware(created, identity.id as string);
        objects.push(malware, this.relationship(created, identity.id as string, indicator.id as string, malware.id as string));
      }
    }
    return { objects };
  }

  private indicatorCount(): number {
    let roll = this.next();
    for (const [probability, low, high] of INDICATOR_COUNT_DISTRIBUTION) {
      if (roll < probability) {
        return low + Math.floor(this.next() * (high - low + 1));
      }
      roll -= probability;
    }
    return 1;
  }

  private identity(created: string): Record<string, unknown> {
    return {
      type: 'identity',
      spec_version: '2.1',
      id: `identity--${this.uuid()}`,
      created,
      modified: created,
      name: `Participant ${this.hex(6)}`,
      identity_class: 'organization',
      sectors: [this.pick(SECTORS)],
      labels: ['ais-consent-none'],
      object_marking_refs: [TLP_MARKING_IDS.green],
    };
  }

  private indicator(created: string, creator: string): Record<string, unknown> {
    const tag = this.hex(8);
    const withPii = this.next() < PII_SHARE;
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${this.uuid()}`,
      created,
      modified: created,
      created_by_ref: creator,
      name: `Suspicious infrastructure ${tag.slice(0, 6)}`,
      description: withPii ? this.pick(PII_DESCRIPTIONS)(tag) : this.pick(DESCRIPTIONS),
      indicator_types: [this.pick(INDICATOR_TYPES)],
      pattern: this.pattern(),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: created,
      labels: ['ais'],
      confidence: Math.floor(this.next() * 101),
      object_marking_refs: [this.pick(TLP)],
      external_references: [{ source_name: 'participant-ticket', external_id: `T-${this.hex(10)}` }],
      kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'delivery' }],
    };
  }

  private observable(): Record<string, unknown> {
    const marking = [this.pick(TLP)];
    const kind = Math.floor(this.next() * 4);
    const base = { spec_version: '2.1', object_marking_refs: marking };
    if (kind === 0) {
      return { type: 'ipv4-addr', id: `ipv4-addr--${this.uuid()}`, value: this.address(), ...base };
    }
    if (kind === 1) {
      return { type: 'domain-name', id: `domain-name--${this.uuid()}`, value: this.domain(), ...base };
    }
    if (kind === 2) {
      return { type: 'url', id: `url--${this.uuid()}`, value: `http://${this.domain()}/login/${this.hex(8)}`, ...base };
    }
    return { type: 'file', id: `file--${this.uuid()}`, hashes: { 'SHA-256': this.hex(64) }, ...base };
  }

  private malware(created: string, creator: string): Record<string, unknown> {
    return {
      type: 'malware',
      spec_version: '2.1',
      id: `malware--${this.uuid()}`,
      created,
      modified: created,
      created_by_ref: creator,
      name: `Loader ${this.hex(4)}`,
      is_family: true,
      malware_types: ['dropper'],
      object_marking_refs: [this.pick(TLP)],
    };
  }

  private relationship(created: string, creator: string, source: string, target: string): Record<string, unknown> {
    return {
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${this.uuid()}`,
      created,
      modified: created,
      created_by_ref: creator,
      relationship_type: 'indicates',
      source_ref: source,
      target_ref: target,
      object_marking_refs: [this.pick(TLP)],
    };
  }

  private pattern(): string {
    const comparisons: (() => string)[] = [
      () => `ipv4-addr:value = '${this.address()}'`,
      () => `domain-name:value = '${this.domain()}'`,
      () => `url:value = 'http://${this.domain()}/path/${this.hex(8)}'`,
      () => `file:hashes.'SHA-256' = '${this.hex(64)}'`,
      () => `network-traffic:dst_port = ${1024 + Math.floor(this.next() * 60000)}`,
    ];
    const terms = 1 + Math.floor(this.next() * 3);
    const parts = Array.from({ length: terms }, () => this.pick(comparisons)());
    if (terms === 1) {
      return `[${parts[0]}]`;
    }
    if (this.next() < 0.5) {
      return `[${parts.join(this.pick([' AND ', ' OR ']))}]`;
    }
    const joined = parts.map((part) => `[${part}]`).join(this.pick([' AND ', ' OR ', ' FOLLOWEDBY ']));
    return this.next() < 0.5 ? `(${joined}) WITHIN ${60 + Math.floor(this.next() * 600)} SECONDS` : joined;
  }

  /** Documentation ranges: pii-filter keeps them as real indicators (never nuisance). */
  private address(): string {
    return `${this.pick(['198.51.100', '203.0.113', '192.0.2'])}.${1 + Math.floor(this.next() * 254)}`;
  }

  private domain(): string {
    return `${this.hex(6)}.${this.pick(['cdn-update', 'secure-login', 'invoice-portal', 'mail-sync'])}.${this.pick(['com', 'net', 'info', 'biz'])}`;
  }

  private timestamp(): string {
    this.clock += 1 + Math.floor(this.next() * 1000);
    return new Date(this.clock).toISOString();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  private hex(length: number): string {
    let text = '';
    while (text.length < length) {
      text += Math.floor(this.next() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    }
    return text.slice(0, length);
  }

  private uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }
}

/** Mean objects per bundle of the distribution, measured over many bundles of another seed. */
export function meanObjectsPerBundle(samples = 20_000): number {
  const generator = new BundleGenerator(1);
  let objects = 0;
  for (let i = 0; i < samples; i++) {
    objects += generator.bundle().objects.length;
  }
  return objects / samples;
}
