import { DEVELOPMENT_MASTER_KEY } from '@ais/config';
import { Topics, type SealedBlob } from '@ais/contracts';
import { KeyDestroyedError, PostgresKeyStore, Sealer } from '@ais/sealing';
import { describeHit, scanDirectory, TopicReader, waitFor } from '@ais/testing';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { SERVICES } from '../../scripts/system/service-launcher';
import { INGEST_COLLECTION_ID } from './support/authorization-matrix';
import { E2eSystem, type Account } from './support/e2e-system';
import { HOSTILE_CORPUS_SEED, SeededRandom, smtpCases, taxiiCases, webFormCases, type TaxiiCase } from './support/hostile-corpus';
import { sendRawMail } from './support/raw-smtp';
import { indicator } from './support/stix-fixtures';
import { HOSTILE_INPUT_PERSONAL, plantedPersonalValues } from './support/planted-personal-values';
import { openWebForm } from './support/web-form-session';

const INGEST = `/ingest/collections/${INGEST_COLLECTION_ID}/objects/`;
/** No single hostile request may take longer than this to be answered. */
const ANSWER_DEADLINE_MS = 30_000;

interface EventJson<D = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: string;
  readonly data: D;
}

/**
 * The seeded hostile-input corpus (support/hostile-corpus.ts) against a running system: every case
 * of the TAXII root, the web form and the SMTP listener is answered with its 4xx (or 552), or taken
 * and failed per object; afterwards every service is healthy and the pipeline still carries a valid
 * submission through in time, and nothing of a rejected submission can be read any more.
 */
describe('hostile input', () => {
  // The web form's per-client rate limit would answer the corpus 429 after ten posts; raised here.
  const system = new E2eSystem(19480, { env: { AIS_WEB_FORM_POSTS_PER_MINUTE: '10000' } });
  let participant: Account;
  let reader: TopicReader;
  let keys: Client;
  let sealer: Sealer;
  /** The envelopes the gateway took (202): their status id and how many objects must fail. */
  const accepted: { name: string; statusId: string; objects: number }[] = [];

  const topic = (name: string) => system.topicPrefix + name;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    reader = await new TopicReader().start([Topics.intakeSubmissions, Topics.intakeRejections, Topics.intakeManualSubmissions].map(topic));
    keys = new Client({ connectionString: system.databaseUrl });
    await keys.connect();
    const sql = { query: async (text: string, parameters?: unknown[]): Promise<unknown> => (await keys.query(text, parameters)).rows as unknown };
    sealer = new Sealer(new PostgresKeyStore(sql, Buffer.from(DEVELOPMENT_MASTER_KEY, 'base64')));
  }, 180_000);

  afterAll(async () => {
    await keys?.end();
    await reader?.stop();
    await system.stop();
  }, 120_000);

  /** One raw POST (node:http: any header or none, chunked or not); the answer even when the server stops reading. */
  function post(path: string, headers: Record<string, string>, body: Buffer, chunked = false): Promise<{ status: number; contentType: string; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(system.url('ingest-gateway', path), { method: 'POST', headers: chunked ? headers : { ...headers, 'content-length': String(body.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(ANSWER_DEADLINE_MS, () => req.destroy(new Error(`no answer within ${ANSWER_DEADLINE_MS} ms`)));
      // The server may answer 413 and close while the body is still going out: the answer counts.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      if (chunked) {
        for (let at = 0; at < body.length; at += 64 * 1024) {
          req.write(body.subarray(at, at + 64 * 1024));
        }
        req.end();
      } else {
        req.end(body);
      }
    });
  }

  function taxiiHeaders(c: TaxiiCase): Record<string, string> {
    return {
      authorization: `Basic ${Buffer.from(`${participant.username}:${participant.password}`).toString('base64')}`,
      accept: c.accept ?? 'application/taxii+json;version=2.1',
      ...(c.contentType === null ? {} : { 'content-type': c.contentType }),
    };
  }

  it('answers every hostile TAXII POST with its 4xx and a TAXII error, or takes it (202) for per-object failure', async () => {
    const cases = taxiiCases(new SeededRandom(HOSTILE_CORPUS_SEED));
    const wrong: string[] = [];
    for (const c of cases) {
      const began = Date.now();
      const answer = await post(INGEST, taxiiHeaders(c), c.body, c.chunked);
      const took = Date.now() - began;
      if ('refused' in c.expect) {
        const body = parseJson(answer.text);
        const codeOk = c.expect.codes.length === 0 || c.expect.codes.includes(String(body?.error_code));
        if (answer.status !== c.expect.refused || !answer.contentType.startsWith('application/taxii+json') || typeof body?.title !== 'string' || !codeOk) {
          wrong.push(`${c.name}: HTTP ${answer.status} ${answer.contentType} error_code ${String(body?.error_code)}; expected ${c.expect.refused} ${c.expect.codes.join('|')}`);
        }
      } else if (answer.status !== 202) {
        wrong.push(`${c.name}: HTTP ${answer.status}; expected 202 and a failure per object`);
      } else {
        accepted.push({ name: c.name, statusId: String(parseJson(answer.text)?.id), objects: c.expect.everyObjectFails });
      }
      if (took > ANSWER_DEADLINE_MS) {
        wrong.push(`${c.name}: answered after ${took} ms`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThan(60);
  }, 600_000);

  it('completes the status of every taken hostile envelope with a failure for each object, and its raw content can no longer be opened', async () => {
    expect(accepted.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const { name, statusId, objects } of accepted) {
      const status = await waitFor(
        async () => {
          const read = await system.taxii('ingest-gateway', `/ingest/status/${statusId}/`, participant);
          return read.body.status === 'complete' ? read.body : undefined;
        },
        { timeoutMs: 300_000, intervalMs: 1_000, description: `the status of "${name}" complete` },
      );
      if (status.total_count !== objects || status.success_count !== 0 || status.failure_count !== objects) {
        wrong.push(`${name}: total ${String(status.total_count)}, success ${String(status.success_count)}, failure ${String(status.failure_count)}; expected ${objects} failures`);
      }
      await waitFor(() => reader.valuesOn<EventJson<{ submissionId: string }>>(topic(Topics.intakeRejections)).find((e) => e.type === 'SubmissionRejected' && e.data.submissionId === statusId), {
        timeoutMs: 120_000,
        description: `SubmissionRejected of "${name}"`,
      });
      const received = reader
        .valuesOn<EventJson<{ submissionId: string; sealedContent: SealedBlob }>>(topic(Topics.intakeSubmissions))
        .find((e) => e.type === 'SubmissionReceived' && e.data.submissionId === statusId);
      if (received === undefined) {
        wrong.push(`${name}: no SubmissionReceived`);
        continue;
      }
      // The key goes once the rejection has committed.
      await waitFor(() => sealer.open(received.data.sealedContent).then(() => false, (error: unknown) => error instanceof KeyDestroyedError), {
        timeoutMs: 60_000,
        description: `the raw content of "${name}" unreadable`,
      });
    }
    expect(wrong).toEqual([]);
    // What the gateway refused left nothing behind: no other submission was written.
    expect(reader.valuesOn<EventJson>(topic(Topics.intakeSubmissions)).filter((e) => e.type === 'SubmissionReceived')).toHaveLength(accepted.length);
  }, 900_000);

  it('answers every hostile web-form POST with its 4xx page and keeps none of them', async () => {
    const wrong: string[] = [];
    for (const c of webFormCases(new SeededRandom(HOSTILE_CORPUS_SEED + 1))) {
      const headers: Record<string, string> = { 'content-type': c.contentType };
      let body = c.body;
      if (c.csrf !== 'none') {
        const form = await openWebForm(system.url('ingest-gateway', '/submit'));
        headers.cookie = form.cookie;
        body = c.csrf === 'valid' ? Buffer.from(body.toString('latin1').replaceAll('{csrf}', form.token), 'latin1') : body;
      }
      const answer = await post('/submit', headers, body);
      if (!c.expectStatus.includes(answer.status) || !answer.contentType.startsWith('text/html')) {
        wrong.push(`${c.name}: HTTP ${answer.status} ${answer.contentType}; expected ${c.expectStatus.join('|')} and a page`);
      }
    }
    expect(wrong).toEqual([]);
    expect(reader.on(topic(Topics.intakeManualSubmissions))).toHaveLength(0);
  }, 300_000);

  it('answers every hostile mail with 250 (incomplete: answered, not kept) or 552, and keeps none of them', async () => {
    const cases = smtpCases(new SeededRandom(HOSTILE_CORPUS_SEED + 2));
    const wrong: string[] = [];
    for (const c of cases) {
      const code = await sendRawMail(system.smtpPort, c.message, { declaredSize: c.declaredSize, timeoutMs: ANSWER_DEADLINE_MS * 2 }).catch((error: unknown) => `${(error as Error).message}`);
      if (code !== c.expectCode) {
        wrong.push(`${c.name}: ${code}; expected ${c.expectCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // Each 250 was read and refused (counted invalid or unreadable) before we look for what was kept.
    const taken = cases.filter((c) => c.expectCode === 250).length;
    await waitFor(async () => (await mailOutcomes()) >= taken, { timeoutMs: 60_000, description: `${taken} mails counted invalid or unreadable` });
    expect(await mailOutcomes()).toBe(taken);
    expect(reader.on(topic(Topics.intakeManualSubmissions))).toHaveLength(0);
  }, 600_000);

  it('is still healthy afterwards, every service answering in time, and carries a valid submission through', async () => {
    for (const service of SERVICES) {
      const began = Date.now();
      const response = await fetch(system.url(service, '/health'), { signal: AbortSignal.timeout(10_000) });
      expect({ service, status: response.status }).toEqual({ service, status: 200 });
      expect(Date.now() - began).toBeLessThan(10_000);
    }
    const submitted = await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [indicator()] } });
    expect(submitted.status).toBe(202);
    const status = await waitFor(
      async () => {
        const read = await system.taxii('ingest-gateway', `/ingest/status/${String(submitted.body.id)}/`, participant);
        return read.body.status === 'complete' ? read.body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1_000, description: 'the valid submission complete' },
    );
    expect(status).toMatchObject({ total_count: 1, success_count: 1, failure_count: 0 });
  }, 300_000);

  it('leaves none of the personal values planted in rejected content in a log line or a metric', async () => {
    await system.saveMetrics();
    const planted = plantedPersonalValues().filter((value) => value.source === 'hostile-input corpus');
    expect(planted).toHaveLength(Object.keys(HOSTILE_INPUT_PERSONAL).length);
    const { files, hits } = scanDirectory(system.logDir, planted);
    expect(files).toBeGreaterThanOrEqual(2 * SERVICES.length);
    expect(hits.map(describeHit)).toEqual([]);
  });

  /** Mails the listener took and refused: `ais_manual_submissions_total{channel="email"}` invalid + unreadable. */
  async function mailOutcomes(): Promise<number> {
    const text = await (await fetch(system.url('ingest-gateway', '/metrics'))).text();
    let sum = 0;
    for (const match of text.matchAll(/^ais_manual_submissions_total\{([^}]*)\} (\d+)/gm)) {
      if (match[1]!.includes('channel="email"') && /outcome="(invalid|unreadable)"/.test(match[1]!)) {
        sum += Number(match[2]);
      }
    }
    return sum;
  }
});

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
