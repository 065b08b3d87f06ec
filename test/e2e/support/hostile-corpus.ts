import { HOSTILE_INPUT_PERSONAL } from './planted-personal-values';
import { TLP_GREEN } from './stix-fixtures';

/**
 * The hostile-input corpus of test/e2e/hostile-input.e2e-spec.ts, generated from a seed so a failing
 * case can be replayed: the same seed gives the same cases, byte for byte (ids and timestamps are
 * drawn from the seed too, not from the clock). Three channels:
 *
 * - TAXII POST to the ingest collection: broken JSON (truncations, random bytes), oversized bodies,
 *   deep nesting, too many objects, wrong and missing media types, prototype-pollution keys, invalid
 *   UTF-8 — each an immediate 4xx with a TAXII error and its `error_code` —; and envelopes that pass
 *   the gateway but whose every object must fail validation (10 000 malformed objects, patterns built
 *   for backtracking, over-long or over-deep patterns) — a 202, then a per-object failure in the status
 *   — except 10 000 objects, which sealed outgrow one log record and are refused whole (413).
 * - The web form: no or forged CSRF token, oversized and over-many fields, foreign charsets and media
 *   types, pollution keys, invalid UTF-8 — each a 4xx page.
 * - SMTP: mails over the size limit (552), and incomplete mails with hostile content (invalid UTF-8,
 *   NUL bytes, a 200-level MIME tree, 300 attachments, a 10 001-object or polluted attachment) — 250
 *   and not kept, as docs/manual-channels.md says.
 *
 * The personal values planted in rejected content come from planted-personal-values.ts, so the leak
 * scan looks for them in every log and metric.
 */

/** Each channel draws from its own stream (seed, seed + 1, seed + 2), so one can run alone and replay. */
export const HOSTILE_CORPUS_SEED = 7_2026_1129;

/** ingest-gateway's TAXII `max_content_length`: 720 KiB, what one 1 MiB log record holds once sealed. */
const INGEST_MAX_BYTES = 720 * 1024;

/** mulberry32: small, fast and deterministic; enough for choosing cut points and bytes. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = ['8', '9', 'a', 'b'][this.int(4)]!;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

export type TaxiiExpectation =
  /** Refused at once: this status and a TAXII error body with one of these codes. */
  | { readonly refused: number; readonly codes: readonly string[] }
  /** Accepted (202), and every object fails validation: the status completes with only failures. */
  | { readonly everyObjectFails: number };

export interface TaxiiCase {
  readonly name: string;
  /** `null`: no Content-Type header at all. */
  readonly contentType: string | null;
  readonly accept?: string;
  readonly body: Buffer;
  /** Sent without Content-Length (chunked), so only the streamed size can refuse it. */
  readonly chunked?: boolean;
  readonly expect: TaxiiExpectation;
}

export interface WebFormCase {
  readonly name: string;
  /** Whether the visitor's CSRF cookie and token go along (hostile content past the CSRF check). */
  readonly csrf: 'valid' | 'none' | 'forged';
  readonly contentType: string;
  /** The body; `{csrf}` is replaced by the token when `csrf` is valid. */
  readonly body: Buffer;
  readonly expectStatus: readonly number[];
}

export interface SmtpCase {
  readonly name: string;
  /** The message as sent after DATA (headers and body, CRLF line ends), before dot-stuffing. */
  readonly message: Buffer;
  /** A SIZE parameter on MAIL FROM, when the case declares one. */
  readonly declaredSize?: number;
  /** The final answer: 250 means taken and (incomplete) not kept; 552 refused for size. */
  readonly expectCode: number;
}

const TAXII = 'application/taxii+json;version=2.1';
const NOT_JSON = ['AIS_TAXII_BODY_NOT_JSON'];
const NOT_UTF8 = ['AIS_TAXII_BODY_NOT_UTF8'];

export function taxiiCases(random: SeededRandom): TaxiiCase[] {
  const at = new Date(Date.UTC(2026, 10, 1) + random.int(86_400_000)).toISOString();
  const indicator = (pattern: string, extra: Record<string, unknown> = {}) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${random.uuid()}`,
    created: at,
    modified: at,
    name: 'Hostile corpus indicator',
    pattern,
    pattern_type: 'stix',
    valid_from: at,
    indicator_types: ['malicious-activity'],
    object_marking_refs: [TLP_GREEN],
    ...extra,
  });
  const envelope = (objects: unknown[]) => Buffer.from(JSON.stringify({ objects }));
  const valid = envelope([indicator(`[ipv4-addr:value = '203.0.113.${1 + random.int(250)}']`)]);
  const json = (name: string, body: Buffer | string, expect: TaxiiExpectation, extra: Partial<TaxiiCase> = {}): TaxiiCase => ({
    name,
    contentType: TAXII,
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    expect,
    ...extra,
  });
  const cases: TaxiiCase[] = [];

  // Broken JSON: a valid envelope cut at seeded points (ASCII only, so never an encoding error).
  for (let i = 0; i < 12; i++) {
    const cut = 1 + random.int(valid.length - 2);
    cases.push(json(`truncated at byte ${cut}`, valid.subarray(0, cut), { refused: 422, codes: NOT_JSON }));
  }
  // Random bytes: invalid UTF-8 or invalid JSON, whichever the decoder meets first.
  for (let i = 0; i < 8; i++) {
    const bytes = Buffer.from(Array.from({ length: 16 + random.int(4096) }, () => random.int(256)));
    bytes[0] = 0x7b; // '{': so it is never a bare JSON number by chance
    cases.push(json(`random ${bytes.length} bytes`, bytes, { refused: 422, codes: [...NOT_JSON, ...NOT_UTF8] }));
  }
  cases.push(
    json('trailing comma', '{"objects":[{"type":"indicator"},]}', { refused: 422, codes: NOT_JSON }),
    json('single quotes', "{'objects':[]}", { refused: 422, codes: NOT_JSON }),
    json('NaN literal', '{"objects":[NaN]}', { refused: 422, codes: NOT_JSON }),
    json('empty body', '', { refused: 422, codes: NOT_JSON }),
    json('a JSON array, not an envelope', '[{"type":"indicator"}]', { refused: 422, codes: ['AIS_TAXII_NOT_AN_ENVELOPE'] }),
    json('JSON null', 'null', { refused: 422, codes: ['AIS_TAXII_NOT_AN_ENVELOPE'] }),
    json('no objects', '{"objects":[]}', { refused: 422, codes: ['AIS_TAXII_NO_OBJECTS'] }),
    json('objects not a list', '{"objects":{"0":{}}}', { refused: 422, codes: ['AIS_TAXII_NO_OBJECTS'] }),
  );

  // Size: over the 720 KiB max_content_length, declared and streamed.
  const huge = Buffer.from(JSON.stringify({ objects: [indicator("[ipv4-addr:value = '203.0.113.9']", { description: 'A'.repeat(INGEST_MAX_BYTES) })] }));
  cases.push(json('string over max_content_length, Content-Length declared', huge, { refused: 413, codes: ['AIS_TAXII_PAYLOAD_TOO_LARGE'] }));
  cases.push(json('string over max_content_length, chunked', huge, { refused: 413, codes: ['AIS_TAXII_PAYLOAD_TOO_LARGE'] }, { chunked: true }));

  // Nesting and counts.
  cases.push(json('100 000 open brackets', '{"objects":' + '['.repeat(100_000), { refused: 422, codes: ['AIS_TAXII_JSON_TOO_DEEP'] }));
  let nested: unknown = 'leaf';
  for (let i = 0; i < 70; i++) {
    nested = { [`k${random.int(1000)}`]: nested };
  }
  cases.push(json('object nested 70 levels in an indicator', envelope([indicator("[ipv4-addr:value = '203.0.113.7']", { x_nested: nested })]), { refused: 422, codes: ['AIS_TAXII_JSON_TOO_DEEP'] }));
  cases.push(json('250 000 values', envelope([indicator("[ipv4-addr:value = '203.0.113.8']", { x_values: Array.from({ length: 250_000 }, () => 0) })]), { refused: 422, codes: ['AIS_TAXII_JSON_TOO_MANY_VALUES'] }));
  cases.push(json('10 001 objects', envelope(Array.from({ length: 10_001 }, () => ({ type: 'x' }))), { refused: 422, codes: ['AIS_TAXII_TOO_MANY_OBJECTS'] }));

  // Prototype pollution, plain and escaped.
  const planted = indicator("[ipv4-addr:value = '203.0.113.10']", { description: `Reported by ${HOSTILE_INPUT_PERSONAL['person-name']}` });
  const pollution = (key: string) => `{"objects":[{${key}:{"polluted":true},${JSON.stringify(planted).slice(1)}]}`;
  for (const key of ['"__proto__"', '"constructor"', '"prototype"', '"__pro\\u0074o__"', '"\\u005f_proto__"']) {
    cases.push(json(`pollution key ${key}`, pollution(key), { refused: 422, codes: ['AIS_TAXII_FORBIDDEN_PROPERTY_NAME'] }));
  }
  // U+0000, which no PostgreSQL text or jsonb holds: in an id (the status row's column) and in a description.
  const NUL = ['AIS_TAXII_JSON_NUL_CHARACTER'];
  cases.push(json('a NUL character in an id', envelope([indicator("[ipv4-addr:value = '203.0.113.12']", { id: `indicator--${random.uuid()}\u0000` })]), { refused: 422, codes: NUL }));
  cases.push(json('a NUL character beside personal data', envelope([indicator("[ipv4-addr:value = '203.0.113.13']", { description: `Reported by ${HOSTILE_INPUT_PERSONAL['person-name']}\u0000` })]), { refused: 422, codes: NUL }));
  cases.push(json('constructor.prototype nested', `{"objects":[{"x_a":{"constructor":{"prototype":{"polluted":1}}}}]}`, { refused: 422, codes: ['AIS_TAXII_FORBIDDEN_PROPERTY_NAME'] }));

  // Invalid UTF-8 inside an otherwise valid envelope.
  const text = JSON.stringify({ objects: [indicator("[ipv4-addr:value = '203.0.113.11']", { description: 'MARK' })] });
  const [before, after] = text.split('MARK') as [string, string];
  for (const [label, bytes] of [
    ['0xFF 0xFE', [0xff, 0xfe]],
    ['overlong slash 0xC0 0xAF', [0xc0, 0xaf]],
    ['CESU surrogate 0xED 0xA0 0x80', [0xed, 0xa0, 0x80]],
    ['truncated sequence 0xE2 0x82', [0xe2, 0x82]],
    ['code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ] as const) {
    cases.push(json(`invalid UTF-8: ${label}`, Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]), { refused: 422, codes: NOT_UTF8 }));
  }

  // Media types.
  const mediaRefused: TaxiiExpectation = { refused: 415, codes: ['AIS_TAXII_UNSUPPORTED_MEDIA_TYPE'] };
  for (const contentType of [null, 'application/json', 'text/plain', 'application/taxii+json;version=2.0', 'application/stix+json;version=2.1', 'multipart/form-data; boundary=x', `application/taxii+json;version=2.0;${'x=y;'.repeat(2000)}`]) {
    cases.push({ name: `Content-Type ${contentType === null ? 'missing' : contentType.slice(0, 60)}`, contentType, body: valid, expect: mediaRefused });
  }
  cases.push({ name: 'Accept application/xml', contentType: TAXII, accept: 'application/xml', body: valid, expect: { refused: 406, codes: [] } });

  // Past the gateway, failing per object: each envelope's every object is invalid.
  const malformed = (n: number) => envelope(Array.from({ length: n }, (_, i) => ({ type: 'indicator', id: `indicator--${random.uuid()}`, x_n: i })));
  // 10 000 objects keep the JSON limits, but not max_content_length (about 870 KB): refused whole.
  cases.push(json('10 000 malformed objects', malformed(10_000), { refused: 413, codes: ['AIS_TAXII_PAYLOAD_TOO_LARGE'] }));
  cases.push(json('5 000 malformed objects', malformed(5_000), { everyObjectFails: 5_000 }));
  const patterns: [string, string][] = [
    ['unterminated string of 15 000 a', `[file:name = '${'a'.repeat(15_000)}`],
    ['15 000 escaped quotes, unterminated', `[file:name = '${"\\'".repeat(7_500)}`],
    ['nesting 5 000 brackets', `${'['.repeat(5_000)}file:name = 'x'${']'.repeat(5_000)}`],
    ['nesting 3 000 parentheses', `[${'('.repeat(3_000)}file:name = 'x'${')'.repeat(3_000)}]`],
    ['longer than 16 KiB', `[file:name = '${'b'.repeat(17_000)}']`],
    ['2 000 ORs, then a syntax error', `[${Array.from({ length: 2_000 }, (_, i) => `file:name = 'f${i}'`).join(' OR ')} OR ]`],
    ['a run of 12 000 spaces between tokens, unclosed', `[file:name ${' '.repeat(12_000)}=`],
    ['MATCHES with a backtracking regex, then a bad qualifier', `[file:name MATCHES '^(a+)+$'] REPEATS ${'9'.repeat(5_000)} TIMES WITHIN`],
  ];
  for (const [label, pattern] of patterns) {
    // Personal values in a rejected object: after rejection they must be nowhere readable.
    const object = indicator(pattern, { description: `Contact ${HOSTILE_INPUT_PERSONAL.email}, ${HOSTILE_INPUT_PERSONAL.phone}, SSN ${HOSTILE_INPUT_PERSONAL.ssn}` });
    cases.push(json(`pattern: ${label}`, envelope([object]), { everyObjectFails: 1 }));
  }
  return cases;
}

export function webFormCases(random: SeededRandom): WebFormCase[] {
  const form = 'application/x-www-form-urlencoded';
  const fields = (extra: Record<string, string>) => `_csrf={csrf}&${new URLSearchParams(extra).toString()}`;
  // Incomplete on purpose (no country): content past the CSRF check must still end in a 422 page.
  const incomplete = { kind: 'indicator', title: 'Hostile', description: `Reported by ${HOSTILE_INPUT_PERSONAL['person-name']}`, 'observable-type': 'domain-name' };
  const cases: WebFormCase[] = [
    { name: 'no CSRF token or cookie', csrf: 'none', contentType: form, body: Buffer.from(new URLSearchParams(incomplete).toString()), expectStatus: [403] },
    { name: 'forged CSRF token', csrf: 'forged', contentType: form, body: Buffer.from(`_csrf=${'A'.repeat(43)}&title=x`), expectStatus: [403] },
    { name: 'body over 32 KiB', csrf: 'valid', contentType: form, body: Buffer.from(fields({ ...incomplete, description: 'x'.repeat(40 * 1024) })), expectStatus: [413] },
    { name: '5 000 fields', csrf: 'valid', contentType: form, body: Buffer.from(`_csrf={csrf}&${Array.from({ length: 5_000 }, (_, i) => `f${i}=1`).join('&')}`), expectStatus: [413] },
    { name: 'charset utf-16', csrf: 'valid', contentType: `${form}; charset=utf-16`, body: Buffer.from(fields(incomplete)), expectStatus: [415] },
    { name: 'JSON body', csrf: 'valid', contentType: 'application/json', body: Buffer.from(JSON.stringify({ _csrf: '{csrf}', ...incomplete })), expectStatus: [403] },
    { name: 'text/plain body', csrf: 'valid', contentType: 'text/plain', body: Buffer.from(fields(incomplete)), expectStatus: [403] },
    { name: 'pollution keys', csrf: 'valid', contentType: form, body: Buffer.from(`${fields(incomplete)}&__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x`), expectStatus: [422] },
    { name: 'invalid UTF-8 percent escapes', csrf: 'valid', contentType: form, body: Buffer.from(`${fields(incomplete)}&title=%FF%FE%C0%AF%ED%A0%80`), expectStatus: [422] },
    { name: 'raw invalid UTF-8 bytes', csrf: 'valid', contentType: form, body: Buffer.concat([Buffer.from(fields(incomplete)), Buffer.from('&title='), Buffer.from([0xff, 0xc0, 0xaf])]), expectStatus: [422] },
    { name: 'a field repeated 50 times', csrf: 'valid', contentType: form, body: Buffer.from(`${fields(incomplete)}${'&country=US'.repeat(50)}`), expectStatus: [422] },
  ];
  // Seeded junk bodies: whatever the bytes, no CSRF token can match (403), or the body is unreadable (400).
  for (let i = 0; i < 6; i++) {
    const bytes = Buffer.from(Array.from({ length: 8 + random.int(2048) }, () => random.int(256)));
    cases.push({ name: `random ${bytes.length} bytes`, csrf: 'none', contentType: form, body: bytes, expectStatus: [400, 403] });
  }
  return cases;
}

export function smtpCases(random: SeededRandom): SmtpCase[] {
  const headers = (extra = '') => `From: hostile@sender.example\r\nTo: submit@ais.example\r\nSubject: IOC ${random.uuid()}\r\nMessage-ID: <${random.uuid()}@sender.example>\r\n${extra}`;
  // Key lines of an incomplete submission (no Country, no Consent): taken (250), answered, not kept.
  const incomplete = `Kind: indicator\r\nTitle: Hostile mail\r\nObservable-Type: domain-name\r\nObservable-Value: hostile.example\r\nTLP: green\r\nContact: ${HOSTILE_INPUT_PERSONAL['person-name']}, ${HOSTILE_INPUT_PERSONAL.email}\r\n`;
  const plain = (body: string | Buffer, extra = '') => Buffer.concat([Buffer.from(`${headers(extra)}Content-Type: text/plain; charset=utf-8\r\n\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
  const attachments = (parts: string[]) => {
    const boundary = `b${random.uuid()}`;
    const body = [
      `--${boundary}\r\nContent-Type: text/plain\r\n\r\n${incomplete}`,
      ...parts.map((json, i) => `--${boundary}\r\nContent-Type: application/stix+json\r\nContent-Disposition: attachment; filename="a${i}.json"\r\n\r\n${json}`),
      `--${boundary}--\r\n`,
    ].join('\r\n');
    return Buffer.from(`${headers()}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${body}`);
  };
  let tree = incomplete;
  for (let depth = 0; depth < 200; depth++) {
    const boundary = `n${depth}x${random.int(1e9)}`;
    tree = `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${tree}\r\n--${boundary}--`;
  }
  const objects = (n: number) => JSON.stringify({ objects: Array.from({ length: n }, () => ({ type: 'indicator', id: `indicator--${random.uuid()}` })) });
  return [
    { name: 'over 1 MiB', message: plain(`${incomplete}${'x'.repeat(1100 * 1024)}`), expectCode: 552 },
    { name: 'SIZE declared over the limit', message: plain(incomplete), declaredSize: 50 * 1024 * 1024, expectCode: 552 },
    { name: 'invalid UTF-8 in the body', message: plain(Buffer.concat([Buffer.from(incomplete), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x0d, 0x0a])])), expectCode: 250 },
    { name: 'NUL bytes and bare LF', message: plain(`${incomplete}\u0000\u0000Country:\nUS\u0000\n`), expectCode: 250 },
    { name: 'a 200 KB line', message: plain(`${incomplete}Description: ${'y'.repeat(200 * 1024)}\r\n`), expectCode: 250 },
    { name: '5 000 header lines', message: plain(incomplete, Array.from({ length: 5_000 }, (_, i) => `X-H${i}: ${i}\r\n`).join('')), expectCode: 250 },
    { name: 'MIME nested 200 levels', message: Buffer.from(`${headers()}MIME-Version: 1.0\r\n${tree}\r\n`), expectCode: 250 },
    { name: '300 malformed JSON attachments', message: attachments(Array.from({ length: 300 }, (_, i) => `{"objects":[{"type":"indicator",${i}`)), expectCode: 250 },
    { name: 'attachment with 10 001 objects', message: attachments([objects(10_001)]), expectCode: 250 },
    { name: 'attachment with __proto__', message: attachments([`{"objects":[{"__proto__":{"polluted":true},"type":"indicator","id":"indicator--${random.uuid()}"}]}`]), expectCode: 250 },
    { name: 'attachment nested 10 000 levels', message: attachments([`{"objects":${'['.repeat(10_000)}`]), expectCode: 250 },
    { name: 'key line with 100 000 spaces', message: plain(`Kind:${' '.repeat(100_000)}indicator\r\n${incomplete}`), expectCode: 250 },
  ];
}
