import { DEVELOPMENT_ADMIN_TOKEN } from '@ais/config';
import { Topics } from '@ais/contracts';
import { createKafka, EventPublisher, MessagingMetrics } from '@ais/messaging';
import { TEST_BROKERS, waitFor } from '@ais/testing';
import { UsageAuditPublisher } from '@ais/usage-audit';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { Registry } from 'prom-client';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator, malware, TLP_GREEN } from './support/stix-fixtures';

const PORT_BASE = 18880;
const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const FEDERAL_OBJECTS = '/federal/collections/5e3f6c1a-2b7d-4c8e-9f0a-1d2c3b4a5e6f/objects/';
/** A victim's address in free text: pii-filter withholds the description for review. */
const VICTIM_TEXT = 'Sent from billing@evil-invoices.biz to jane.doe@victim-corp.com in our finance team.';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Totals = Record<string, Record<string, number>>;

async function expectPortsFree(base: number, count: number): Promise<void> {
  for (let port = base; port < base + count; port++) {
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', () => reject(new Error(`port ${port} is taken: another run of this spec?`)));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
}

/** Runs one of the audit commands against this system; resolves with its exit code and output. */
function command(script: string, system: E2eSystem, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join('scripts', script), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: system.databaseUrl, KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_TOPIC_PREFIX: system.topicPrefix, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
        timeout: 300_000,
      },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 2, stdout, stderr }),
    );
  });
}

/**
 * §4.1 and §4.2 end to end: a mixed run through every channel and every kind of person action,
 * then the counts and the usage trail as auditors read them (JSON, CSV, dashboard in Chromium),
 * the replay proving the projections equal to a rebuild from the log, and the hash chain catching
 * a tampered row.
 */
describe('audit and accountability (§4.1, §4.2)', () => {
  const system = new E2eSystem(PORT_BASE, { smtpPort: PORT_BASE + 7 });
  const kafka = createKafka({ brokers: TEST_BROKERS, clientId: 'e2e-audit' });
  let participant: Account;
  let analyst: Account;
  let auditor: Account;
  let energy: Account;
  let treasury: Account;
  const ids: Record<string, string> = {};
  /** What the mixed run did, for the expectations. */
  const run = { energyObjectsServed: 0, treasuryObjectsServed: 0, validIndicatorId: '' };

  beforeAll(async () => {
    await expectPortsFree(PORT_BASE, 8);
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analyst = await system.createAccount('analyst');
    auditor = await system.createAccount('auditor');
    energy = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    treasury = await system.createAccount('federal-consumer', { federalEntity: 'treasury' });
    const principals = (await (
      await fetch(system.url('ingest-gateway', '/admin/principals'), { headers: { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}` } })
    ).json()) as { id: string; username: string }[];
    for (const [name, account] of Object.entries({ participant, analyst, auditor, energy, treasury })) {
      ids[name] = principals.find((p) => p.username === account.username)!.id;
    }
  }, 240_000);

  afterAll(async () => {
    await system.stop();
  }, 60_000);

  const basic = (account: Account) => `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;

  async function call(service: Parameters<E2eSystem['url']>[0], method: string, path: string, account: Account | null, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(system.url(service, path), {
      method,
      headers: {
        ...(account === null ? {} : { authorization: basic(account) }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // CSV or HTML
    }
    return { status: response.status, headers: response.headers, text, body: json };
  }

  const audit = (path: string, headers: Record<string, string> = {}) => call('audit-projector', 'GET', path, auditor, undefined, headers);
  const totals = async (): Promise<Totals> => (await audit('/audit/counts')).body.totals as Totals;
  const total = (t: Totals, metric: string, dimension: string) => t[metric]?.[dimension] ?? 0;

  async function submit(objects: Record<string, unknown>[]): Promise<void> {
    const response = await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects } });
    expect(response.status).toBe(202);
  }

  /** A web-form submission, queued for triage; resolves with its reference. */
  async function webForm(title: string): Promise<string> {
    const form = await fetch(system.url('ingest-gateway', '/submit'));
    const html = await form.text();
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('ais_csrf='))!.split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const fields = {
      kind: 'indicator',
      title,
      description: 'Serves a fake utility login page.',
      observableType: 'domain',
      observableValue: `${randomUUID().slice(0, 8)}.evil.example`,
      tlp: 'green',
      organisation: 'Example Power',
      contactEmail: 'soc@power.example',
      sector: 'energy',
      city: 'Austin',
      state: 'TX',
      country: 'US',
      consent: 'none',
      _csrf: token,
    };
    const posted = await fetch(system.url('ingest-gateway', '/submit'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });
    expect(posted.status).toBe(200);
    return new URL(posted.url).searchParams.get('ref')!;
  }

  async function triage(reference: string, decision: 'accept' | 'reject'): Promise<void> {
    await waitFor(async () => (await call('review-service', 'GET', '/review/tasks?kind=triage', analyst)).text.includes(reference), { timeoutMs: 60_000, description: 'the triage task' });
    expect((await call('review-service', 'POST', `/review/tasks/${reference}/claim`, analyst)).status).toBe(200);
    const decided = await call('review-service', 'POST', `/review/tasks/${reference}/${decision}`, analyst, decision === 'reject' ? { reason: 'not an indicator' } : undefined);
    expect(decided.status).toBe(200);
  }

  it('counts a mixed run through every channel, by day and in total, as JSON and CSV', async () => {
    // TAXII: a valid pair; one with a custom property and a marking outside the profile; one
    // without a TLP marking (rejected); one whose description names a victim (held).
    const valid = indicator();
    run.validIndicatorId = valid.id as string;
    await submit([valid, malware()]);
    await submit([{ ...indicator(), x_internal_note: 'for the SOC only', object_marking_refs: [TLP_GREEN, `marking-definition--${randomUUID()}`] }]);
    const unmarked: Record<string, unknown> = { ...indicator() };
    delete unmarked.object_marking_refs;
    await submit([unmarked]);
    await submit([{ ...indicator(), pattern: "[email-addr:value = 'billing@evil-invoices.biz']", description: VICTIM_TEXT }]);
    // Web form: one accepted into the pipeline, one rejected by the analyst.
    await triage(await webForm('Phishing kit host'), 'accept');
    await triage(await webForm('Not an indicator'), 'reject');

    const counted = await waitFor(
      async () => {
        const t = await totals();
        return total(t, 'received', 'taxii') === 4 && total(t, 'received', 'web-form') === 2 && total(t, 'rejected', 'all') === 1 && total(t, 'triage-accepted', 'web-form') === 1 &&
          total(t, 'triage-rejected', 'web-form') === 1 && total(t, 'personal-information-removed', 'automated') === 1 && total(t, 'classification', 'valid') >= 4
          ? t
          : undefined;
      },
      { timeoutMs: 150_000, intervalMs: 1_000, description: 'the mixed run counted' },
    );
    expect(counted['received-objects']).toEqual({ taxii: 5, 'web-form': 1 });
    expect(counted['rejection-reason']).toEqual({ AIS_PROFILE_TLP_MARKING_MISSING: 1 });
    // The valid pair, the held indicator and the web-form indicator; the pruned marking; the unmarked one.
    expect(counted.classification).toEqual({ valid: 4, 'valid-after-pruning': 1, missing: 1 });
    expect(counted['prohibited-field-removed']).toEqual({ 'indicator/*': 1, 'indicator/object_marking_refs[]': 1 });
    expect(counted['personal-information-removed-fields']).toEqual({ automated: 1 });
    expect(Object.values(counted['personal-information-removed-by-detector'] ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
    expect(counted['personal-information-removed-by-type']).toEqual({ indicator: 1 });
    expect(JSON.stringify(counted)).not.toContain('jane.doe');

    // Federal reads over TAXII: energy everything, treasury one object.
    const energyRead = await system.taxii('version-publisher', FEDERAL_OBJECTS, energy);
    expect(energyRead.status).toBe(200);
    run.energyObjectsServed = (energyRead.body.objects as unknown[]).length;
    const treasuryRead = await system.taxii('version-publisher', `${FEDERAL_OBJECTS}?limit=1`, treasury);
    run.treasuryObjectsServed = (treasuryRead.body.objects as unknown[]).length;
    expect(run.energyObjectsServed).toBeGreaterThan(3);
    const served = await waitFor(async () => {
      const t = await totals();
      return total(t, 'federal-reads', 'energy') === 1 && total(t, 'federal-reads', 'treasury') === 1 ? t : undefined;
    });
    expect(served['federal-objects-served']).toEqual({ energy: run.energyObjectsServed, treasury: run.treasuryObjectsServed });
    expect(total(served, 'published', 'indicator')).toBeGreaterThanOrEqual(3);

    // One metric, a day range, CSV by query and by Accept.
    const today = new Date().toISOString().slice(0, 10);
    const received = await audit(`/audit/counts/received?from=${today}&to=${today}`);
    expect(received.body).toMatchObject({ metric: 'received', dimension: 'channel', total: 6, totals: { taxii: 4, 'web-form': 2 } });
    const csv = await audit('/audit/counts?format=csv&metric=received');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')[0]).toBe('day,metric,dimension,value');
    expect(csv.text).toContain(`${today},received,taxii,4`);
    const byAccept = await audit('/audit/classification', { accept: 'text/csv' });
    expect(byAccept.text.split('\r\n')[0]).toBe('day,valid,valid-after-pruning,missing,conflict,assessed,ratio,ratio-as-submitted');
    const classification = (await audit('/audit/classification')).body.totals as { ratio: number; assessed: number; missing: number };
    expect(classification.ratio).toBeCloseTo((classification.assessed - classification.missing) / classification.assessed, 10);
    expect((await audit('/audit/counts?from=2026-02-30')).status).toBe(400);
    expect((await audit('/audit/counts/no-such-metric')).status).toBe(404);
  });

  it('lists the federal entities shared with, from TAXII reads and the entities’ Kafka consumer groups', async () => {
    // Energy's SIEM reads the output topic as federal.energy.<name> and commits its offsets.
    const consumer = kafka.consumer({ groupId: `${system.topicPrefix}federal.energy.siem`, readUncommitted: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [system.topicPrefix + Topics.disseminationPublished], fromBeginning: true });
    let read = 0;
    // Commits as it goes, as a SIEM would: the poller compares committed offsets with the end.
    await consumer.run({ autoCommitInterval: 500, autoCommitThreshold: 1, eachMessage: () => Promise.resolve(void (read += 1)) });
    await waitFor(() => read >= run.energyObjectsServed, { timeoutMs: 60_000, description: 'the SIEM read the topic' });

    const entities = await waitFor(
      async () => {
        const list = (await audit('/audit/federal-entities')).body.entities as { entity: string; sharedWith: boolean; taxii: { objectsServed: number }; kafka: { committedOffset: number; lag: number; groups: unknown[] } }[];
        // The SIEM keeps consuming (later versions may still be published) until the poller sees it
        // caught up: a consumer commits after its last record, short of the transaction marker that
        // follows it, so at most one offset per partition (3) stays between it and the end.
        const energy = list.find((e) => e.entity === 'energy')!;
        return energy.kafka.committedOffset > 0 && energy.kafka.lag <= 3 ? list : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 2_000, description: 'the poller saw the SIEM caught up (it polls every 30 s)' },
    );
    await consumer.disconnect();
    expect(entities.map((e) => e.entity)).toEqual(['commerce', 'defense', 'energy', 'homeland-security', 'justice', 'treasury', 'odni']);
    const energyDeliveries = entities.find((e) => e.entity === 'energy')!;
    expect(energyDeliveries).toMatchObject({ sharedWith: true, taxii: { objectsServed: run.energyObjectsServed }, kafka: { groups: [expect.objectContaining({ groupId: `${system.topicPrefix}federal.energy.siem` })] } });
    expect(energyDeliveries.kafka.lag).toBeLessThanOrEqual(3);
    expect(entities.find((e) => e.entity === 'treasury')).toMatchObject({ sharedWith: true, kafka: { committedOffset: 0 } });
    expect(entities.find((e) => e.entity === 'justice')).toMatchObject({ sharedWith: false });
    const csv = await audit('/audit/federal-entities?format=csv');
    expect(csv.text).toMatch(/\r\nenergy,true,1,\d+,1,\d+,\d+,[0-3]\r\n/);
  });

  it('records every action by a person in the usage log, queryable by actor, action and time', async () => {
    // Contact request: energy asks, the submitter grants, energy reads the identity.
    const contact = await call('submitter-anonymizer', 'POST', '/contact-requests', energy, { objectId: run.validIndicatorId });
    expect(contact.status).toBe(201);
    const requestId = contact.body.id as string;
    expect((await call('submitter-anonymizer', 'POST', `/contact-requests/${requestId}/grant`, participant)).status).toBe(200);
    expect((await call('submitter-anonymizer', 'GET', `/contact-requests/${requestId}/identity`, energy)).status).toBe(200);
    // Change control: energy proposes a profile change.
    const proposal = await call('schema-validator', 'POST', '/profile/proposals', energy, { change: { kind: 'add-property', objectType: 'indicator', property: 'lang' }, rationale: 'Names in other languages.' });
    expect(proposal.status).toBe(201);
    // An admin action, as ingest-gateway's admin API records it (wired by the lead).
    const publisher = new EventPublisher(kafka, new MessagingMetrics(new Registry()), system.topicPrefix);
    const adminActionAt = new Date();
    await new UsageAuditPublisher(publisher, 'ingest-gateway').record({
      actor: { id: '00000000-0000-0000-0000-000000000000', role: 'admin' },
      action: 'admin.principal.create',
      resource: `principal/${ids.auditor!}`,
      detail: { role: 'auditor' },
      at: adminActionAt,
    });
    await publisher.disconnect();

    const usage = async (query: string) => (await audit(`/audit/usage?${query}`)).body.entries as { actor: string; role: string; action: string; resource: string; detail: Record<string, unknown>; seq: number; hash: string; occurredAt: string }[];
    const energyActions = await waitFor(
      async () => {
        const actions = (await usage(`actor=${ids.energy!}`)).map((e) => e.action).sort();
        return actions.includes('profile.propose') && actions.includes('contact.identity-read') ? actions : undefined;
      },
      { timeoutMs: 60_000, description: 'energy’s actions in the log' },
    );
    expect(energyActions).toEqual(['contact.identity-read', 'contact.request', 'federal.read', 'profile.propose']);
    expect(await usage('action=triage.accept')).toEqual([expect.objectContaining({ actor: ids.analyst, role: 'analyst', detail: { channel: 'web-form', objectCount: 1 } })]);
    expect(await usage('action=triage.reject')).toEqual([expect.objectContaining({ actor: ids.analyst, role: 'analyst' })]);
    expect(await usage(`actor=${ids.participant!}`)).toEqual([expect.objectContaining({ action: 'contact.grant', role: 'participant', resource: `contact-request/${requestId}` })]);
    // This one, not the setup's creation of the same principal: everything after reads the whole log.
    await waitFor(
      async () => (await usage('action=admin.principal.create')).some((e) => e.resource === `principal/${ids.auditor!}` && e.occurredAt === adminActionAt.toISOString()),
      { description: 'the admin action' },
    );
    // Log order is processing order, which across partitions need not be the order of the reads
    // (docs/audit.md): compared in the order they happened.
    const federalReads = (await usage('action=federal.read')).sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    expect(federalReads).toEqual([
      expect.objectContaining({ actor: ids.energy, role: 'federal-consumer', resource: 'taxii-federal/objects', detail: { entity: 'energy', taxiiResource: 'objects', objectCount: run.energyObjectsServed } }),
      expect.objectContaining({ actor: ids.treasury, detail: { entity: 'treasury', taxiiResource: 'objects', objectCount: run.treasuryObjectsServed } }),
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await usage(`from=${tomorrow}`)).toEqual([]);
    const all = await usage('limit=1000');
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(JSON.stringify(all)).not.toContain('Names in other languages');
    const csv = await audit('/audit/usage?action=triage.accept', { accept: 'text/csv' });
    expect(csv.text.split('\r\n')[0]).toBe('seq,time,actor,role,action,resource,detail,event_id,previous_hash,hash');
    expect((await audit('/audit/usage/verify')).body).toMatchObject({ ok: true, entries: all.length });
  });

  it('lets auditors and admins in, and nobody else', async () => {
    expect((await call('audit-projector', 'GET', '/audit/counts', participant)).status).toBe(403);
    expect((await call('audit-projector', 'GET', '/audit/usage', energy)).status).toBe(403);
    const anonymous = await call('audit-projector', 'GET', '/audit/dashboard', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await call('audit-projector', 'GET', '/audit/counts', null, undefined, { authorization: `Bearer ${DEVELOPMENT_ADMIN_TOKEN}` })).status).toBe(200);
  });

  it('exports the totals as Prometheus gauges labelled by metric and dimension only', async () => {
    const metrics = await (await fetch(system.url('audit-projector', '/metrics'))).text();
    expect(metrics).toMatch(/^ais_audit_count\{metric="received",dimension="taxii"[^}]*\} 4$/m);
    expect(metrics).toMatch(/^ais_audit_count\{metric="federal-objects-served",dimension="energy"[^}]*\} \d+$/m);
    expect(metrics).toMatch(/^ais_audit_properly_classified_ratio\{[^}]*\} 0\.833/m);
    expect(metrics).toMatch(/^ais_audit_usage_log_entries\{[^}]*\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ais_audit_federal_offset\{metric="committed",dimension="energy"[^}]*\} [1-9]\d*$/m);
    for (const id of Object.values(ids)) {
      expect(metrics).not.toContain(id);
    }
    expect(metrics).not.toContain('jane.doe');
  });

  it('rebuilds every projection by replay equal to the live one, and twice changes nothing', async () => {
    const state = async () => JSON.stringify([(await audit('/audit/counts')).body, (await audit('/audit/usage?limit=1000')).body]);
    // Quiet: nothing in flight.
    let before = await state();
    await waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const now = await state();
        const stable = now === before;
        before = now;
        return stable;
      },
      { timeoutMs: 60_000, description: 'the projections at rest' },
    );
    for (let i = 0; i < 2; i++) {
      const replay = await command('audit-replay.ts', system);
      expect({ code: replay.code, stderr: replay.stderr }).toEqual({ code: 0, stderr: '' });
      expect(replay.stdout).toMatch(/daily_counts: live (\d+) rows, replay \1 rows — equal/);
      expect(replay.stdout).toMatch(/usage_log: live (\d+) rows, replay \1 rows — equal/);
      expect(replay.stdout).toContain('replay equals live');
    }
    expect(await state()).toBe(before);
    expect((await command('audit-verify.ts', system)).code).toBe(0);
  });

  it('shows the counts and the entity deliveries on the dashboard, in real headless Chromium', async () => {
    const t = await totals();
    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ httpCredentials: { username: auditor.username, password: auditor.password }, viewport: { width: 1100, height: 1400 } });
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const response = await page.goto(system.url('audit-projector', '/audit/dashboard'));
      expect(response?.status()).toBe(200);

      const bars = async (selector: string) => Promise.all((await page.locator(selector).all()).map(async (bar) => Number(await bar.getAttribute('data-value'))));
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      const chart = page.locator('svg#counts-over-time');
      await chart.waitFor({ state: 'visible' });
      expect(sum(await bars('svg#counts-over-time rect[data-series="received"]'))).toBe(6);
      expect(sum(await bars('svg#counts-over-time rect[data-series="rejected"]'))).toBe(1);
      expect(sum(await bars('svg#counts-over-time rect[data-series="personal-information-removed"]'))).toBe(1);
      expect(sum(await bars('svg#counts-over-time rect[data-series="published"]'))).toBe(Object.values(t.published ?? {}).reduce((a, b) => a + b, 0));
      const tallest = await page.locator('svg#counts-over-time rect[data-series="received"]').last().boundingBox();
      expect(tallest?.height).toBeGreaterThan(10);

      const energyBar = page.locator('svg#entity-deliveries rect[data-entity="energy"][data-series="taxii-objects-served"]');
      expect(Number(await energyBar.getAttribute('data-value'))).toBe(run.energyObjectsServed);
      expect((await energyBar.boundingBox())?.width).toBeGreaterThan(10);
      expect(Number(await page.locator('svg#entity-deliveries rect[data-entity="energy"][data-series="kafka-committed-offset"]').getAttribute('data-value'))).toBeGreaterThan(0);
      expect(await page.locator('#card-received .n').textContent()).toBe('6');
      expect(await page.locator('#shared-with').textContent()).toContain('energy');
      expect(await page.locator('#totals tr[data-metric="received"][data-dimension="taxii"] td.num').textContent()).toBe('4');

      mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'audit-dashboard.png'), fullPage: true });
      // Everything came from the dashboard itself: no CDN, no script.
      expect(requested.every((url) => url.startsWith(system.url('audit-projector', '/')))).toBe(true);
      expect(await page.locator('script').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('detects an edited and a removed usage-log row', async () => {
    const database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
    try {
      // The table refuses changes; someone with the owner's rights switches that off first.
      await expect(database.query(`UPDATE audit.usage_log SET actor = 'someone-else' WHERE seq = 2`)).rejects.toThrow(/append-only/);
      await database.query('ALTER TABLE audit.usage_log DISABLE TRIGGER USER');
      const original = (await database.query<{ actor: string }>('SELECT actor FROM audit.usage_log WHERE seq = 2')).rows[0]!.actor;
      await database.query(`UPDATE audit.usage_log SET actor = 'someone-else' WHERE seq = 2`);
      const edited = await command('audit-verify.ts', system);
      expect(edited.code).toBe(1);
      expect(edited.stdout).toContain('TAMPERED: entry 2 edited');
      expect((await audit('/audit/usage/verify')).body).toMatchObject({ ok: false, kind: 'edited', seq: 2 });

      await database.query('UPDATE audit.usage_log SET actor = $1 WHERE seq = 2', [original]);
      expect((await command('audit-verify.ts', system)).code).toBe(0);

      await database.query('DELETE FROM audit.usage_log WHERE seq = 3');
      const removed = await command('audit-verify.ts', system);
      expect(removed.code).toBe(1);
      expect(removed.stdout).toContain('TAMPERED: entry 3 removed');
      // The replay, rebuilt from the log, names the missing row too.
      const replay = await command('audit-replay.ts', system);
      expect(replay.code).toBe(1);
      expect(replay.stdout).toMatch(/usage_log: live \d+ rows, replay \d+ rows — DIFFERENT: 0 live-only, 1 replay-only/);
    } finally {
      await database.end();
    }
  });
});
