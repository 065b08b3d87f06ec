import { generateCorpus, type PlantedKind } from '@ais/pii';
import type { PlantedValue } from '@ais/testing';

/**
 * Every personal value the end-to-end tests plant in what they submit, in one place: the leak scan
 * (scripts/leak-scan.ts) looks for each of them in every log line and metric of the e2e and fault
 * runs. A test that plants a new personal value adds it here and imports it from here.
 */

/** Seed and size of the privacy-screening stream (libs/pii's labelled corpus). */
export const PRIVACY_CORPUS_SEED = 20261129;
export const PRIVACY_CORPUS_BUNDLES = 20;

/** Contact lines of the privacy-screening participants: name, e-mail and phone, each planted. */
export const REGISTRATION_CONTACTS = {
  bluegrass: 'Marisol Quintero-Vance, soc.desk@bluegrass-rec.example, +1 859 555 0142',
  harborPoint: 'Tobiah Lindqvist-Okafor, t.lindqvist@harborpoint-water.example, +1 253 555 0187',
  prairieValley: 'Ingrid Abernathy-Sato, isec@prairievalley-health.example, +1 402 555 0119',
  gulfCoast: 'Desmond Achterberg, soc@gulfcoastgrid.example, +1 713 555 0163',
} as const;

/** The contact an identity carries in the consent scenario. */
export const CONSENT_CONTACT_EMAIL = 'soc@example.org';

/** Personal values inside the hostile-input corpus (test/e2e/hostile-input.e2e-spec.ts): rejected, so nowhere. */
export const HOSTILE_INPUT_PERSONAL = {
  'person-name': 'Evangeline Marchetti-Oduya',
  email: 'e.marchetti-oduya@hostile-input.example',
  phone: '+1 307 555 0176',
  ssn: '532-41-7789',
} as const;

/** What the corpus plants that a scan can match without false hits: validated identifiers and full names. */
const SCANNED_KINDS: readonly PlantedKind[] = ['email', 'phone', 'ssn', 'payment-card', 'iban', 'person-name'];

/** Every planted value, numbered; the scan reports the number and kind, never the value. */
export function plantedPersonalValues(): PlantedValue[] {
  const values: { kind: string; source: string; value: string }[] = [];
  for (const [who, contact] of Object.entries(REGISTRATION_CONTACTS)) {
    for (const [kind, value] of contactParts(contact)) {
      values.push({ kind, source: `privacy-screening registration ${who}`, value });
    }
  }
  values.push({ kind: 'email', source: 'privacy-consent identity', value: CONSENT_CONTACT_EMAIL });
  for (const [kind, value] of Object.entries(HOSTILE_INPUT_PERSONAL)) {
    values.push({ kind, source: 'hostile-input corpus', value });
  }
  values.push(...corpusValues());
  // One entry per distinct value: the same address planted twice is one needle.
  const distinct = [...new Map(values.map((value) => [value.value, value])).values()];
  return distinct.map((value, index) => ({ index, ...value }));
}

/** "Name, e-mail, phone" as planted in a registration. */
function contactParts(contact: string): [string, string][] {
  const [name, email, phone] = contact.split(', ');
  return [
    ['person-name', name!],
    ['email', email!],
    ['phone', phone!],
  ];
}

/**
 * The labelled fragments of the privacy-screening stream: e-mails, phone and other numbers, IBANs
 * and two-word names cut out of each labelled field, minus anything the corpus also uses as
 * non-personal text (threat prose), which could turn up in a log legitimately.
 */
function corpusValues(): { kind: string; source: string; value: string }[] {
  const corpus = generateCorpus({ seed: PRIVACY_CORPUS_SEED, bundles: PRIVACY_CORPUS_BUNDLES });
  const background = generateCorpus({ seed: PRIVACY_CORPUS_SEED + 1, bundles: 300 })
    .bundles.filter((bundle) => bundle.set === 'hard-negative')
    .flatMap((bundle) => bundle.objects.flatMap((object) => stringLeaves(object)))
    .join('\u0000');
  const found: { kind: string; source: string; value: string }[] = [];
  corpus.bundles.forEach((bundle, bundleIndex) => {
    for (const label of bundle.labels.filter((l) => SCANNED_KINDS.includes(l.kind))) {
      const object = bundle.objects.find((o) => o.id === label.objectId);
      for (const leaf of stringLeaves(valueAt(object, label.path))) {
        for (const fragment of fragmentsOf(label.kind, leaf)) {
          if (fragment.length >= 6 && !background.includes(fragment)) {
            found.push({ kind: label.kind, source: `privacy corpus bundle ${bundleIndex} ${label.path}`, value: fragment });
          }
        }
      }
    }
  });
  return found;
}

function fragmentsOf(kind: PlantedKind, text: string): string[] {
  const matches = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[0].trim().replace(/[.,;:)]+$/, ''));
  if (kind === 'email') {
    return matches(/[A-Za-z0-9._%+-]+(?:@|\[@\])[A-Za-z0-9-]+(?:(?:\.|\[\.\])[A-Za-z0-9-]+)+/g);
  }
  if (kind === 'person-name') {
    return matches(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:[\s_]+\p{Lu}[\p{L}'’-]+)+/gu);
  }
  if (kind === 'iban') {
    return matches(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}\b/g);
  }
  // Phone, SSN, card: grouped numbers from seven digits on, bare digit runs from nine.
  return matches(/\+?\(?\d[\d ().-]{5,}\d/g).filter((m) => (m.match(/\d/g) ?? []).length >= (/^\d+$/.test(m) ? 9 : 7));
}

function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  const segments = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (let match = segments.exec(path); match !== null; match = segments.exec(path)) {
    const key: string | number = match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string));
    current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[key] : undefined;
  }
  return current;
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringLeaves);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap(stringLeaves);
  }
  return [];
}
