import { Topics } from '@ais/contracts';
import { TopicReader, waitFor } from '@ais/testing';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const PORT_BASE = 19180;
const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type StixObject = Record<string, unknown> & { id: string };

interface Envelope<T> {
  key: string;
  data: T;
}

interface PublishedData {
  objectId: string;
  version: string;
  object: StixObject;
}

async function expectPortsFree(base: number, count: number): Promise<void> {
  for (let port = base; port < base + count; port++) {
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', () => reject(new Error(`port ${port} is taken: another run of this spec?`)));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
}

/**
 * §2.3.2.2 end to end through the analyst web UI in real headless Chromium: a submission with one
 * held field is published at once without it (output topic and TAXII root `federal`); the analyst
 * signs in, finds the task in the queue, claims it, sees the held value in its object's context
 * and releases, redacts or deletes it; release and redaction bring a second version with the same
 * id and a later `modified` (`match[version]=all` returns both), deletion publishes nothing.
 */
describe('the analyst web UI (§2.3.2.2)', () => {
  const system = new E2eSystem(PORT_BASE, { smtpPort: PORT_BASE + 7 });
  let participant: Account;
  let analyst: Account;
  let federal: Account;
  let objectsPath: string;
  let reader: TopicReader;
  let browser: Browser;

  beforeAll(async () => {
    await expectPortsFree(PORT_BASE, 8);
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analyst = await system.createAccount('analyst');
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    objectsPath = `/federal/collections/${(collections.body.collections as { id: string }[])[0]!.id}/objects/`;
    reader = await new TopicReader().start([system.topicPrefix + Topics.disseminationPublished, system.topicPrefix + Topics.reviewTriage]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await reader?.stop();
    await system.stop();
  }, 60_000);

  const versionsOnTopic = (id: string) => reader.valuesOn<Envelope<PublishedData>>(system.topicPrefix + Topics.disseminationPublished).filter((e) => e.data.objectId === id);

  async function taxiiObjects(id: string, query = ''): Promise<StixObject[]> {
    const response = await system.taxii('version-publisher', `${objectsPath}${id}/${query}`, federal);
    expect(response.status).toBe(200);
    return (response.body.objects ?? []) as StixObject[];
  }

  /** Submits an indicator whose description names a victim; waits for the first version, published without it. */
  async function submitHeld(description: string): Promise<{ object: StixObject; first: Envelope<PublishedData> }> {
    const object: StixObject = { ...(indicator() as StixObject), pattern: "[email-addr:value = 'billing@evil-invoices.biz']", description };
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [object] } })).status).toBe(202);
    const first = await waitFor(() => versionsOnTopic(object.id)[0], { timeoutMs: 90_000, description: 'the first version on the topic' });
    expect(first.data.object).toMatchObject({ id: object.id, modified: object.modified, pattern: object.pattern });
    expect(first.data.object).not.toHaveProperty('description');
    const stored = await waitFor(async () => (await taxiiObjects(object.id))[0], { description: 'the first version on the federal root' });
    expect(stored).toEqual(first.data.object);
    return { object, first };
  }

  async function signIn(page: Page, account: Account): Promise<void> {
    await page.goto(system.url('review-service', '/analyst/tasks'));
    // Anonymous: sent to the sign-in form.
    expect(new URL(page.url()).pathname).toBe('/analyst/sign-in');
    await page.fill('#username', account.username);
    await page.fill('#password', account.password);
    await page.click('#sign-in');
  }

  /** Signs in as the analyst, finds the object's task in the queue, claims it and opens it. */
  async function openHeldTask(page: Page, objectId: string): Promise<void> {
    await signIn(page, analyst);
    expect(new URL(page.url()).pathname).toBe('/analyst/tasks');
    expect(await page.locator('#signed-in-as').textContent()).toBe(analyst.username);
    await page.selectOption('#filter-kind', 'held-field');
    await page.click('#apply-filter');
    const row = page.locator(`#tasks tr[data-object-id="${objectId}"]`);
    await waitFor(
      async () => {
        if ((await row.count()) === 1) {
          return true;
        }
        await page.reload();
        return false;
      },
      { timeoutMs: 60_000, description: 'the held-field task in the queue' },
    );
    expect(await row.getAttribute('data-state')).toBe('open');
    expect(await row.locator('td', { hasText: 'description' }).count()).toBe(1);
    await row.locator('button.claim').click();
    expect(await page.locator('#notice').textContent()).toContain('claimed');
    expect(await row.getAttribute('data-state')).toBe('claimed');
    expect(await row.locator('td.claimed-by').textContent()).toBe('you');
    await row.locator('a.open-task').click();
    expect(await page.locator('#object-id').textContent()).toBe(objectId);
  }

  /** The held value shown in its object's context: highlighted, beside the published properties. */
  async function expectHeldInContext(page: Page, object: StixObject): Promise<void> {
    const held = page.locator('#object-context tr.held[data-path="description"]');
    expect(await held.locator('mark.held-value').textContent()).toBe(object.description);
    expect(await page.locator('#object-context th', { hasText: /^pattern$/ }).count()).toBe(1);
    expect(await page.locator('#object-context').textContent()).toContain(object.pattern as string);
  }

  /** The second version: same id, later `modified`, with the field; `match[version]=all` returns both. */
  async function expectSecondVersion(object: StixObject, first: Envelope<PublishedData>, description: string): Promise<void> {
    const second = await waitFor(() => versionsOnTopic(object.id)[1], { timeoutMs: 90_000, description: 'the second version on the topic' });
    expect(versionsOnTopic(object.id)).toHaveLength(2);
    expect(second.key).toBe(object.id);
    expect(second.data.object).toEqual({ ...first.data.object, description, modified: second.data.version });
    expect(Date.parse(second.data.version)).toBeGreaterThan(Date.parse(first.data.version));
    const all = await waitFor(
      async () => {
        const objects = await taxiiObjects(object.id, '?match[version]=all');
        return objects.length === 2 ? objects : undefined;
      },
      { description: 'both versions on the federal root' },
    );
    expect(all).toEqual([first.data.object, second.data.object]);
    expect(await taxiiObjects(object.id)).toEqual([second.data.object]);
  }

  it('release: the analyst releases the held field in the browser and a second version carries it', async () => {
    const { object, first } = await submitHeld('Phishing mail received by jane.doe@victim-corp.com in our finance team.');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await openHeldTask(page, object.id);
      await expectHeldInContext(page, object);
      mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'analyst-ui-held-field.png'), fullPage: true });
      // Only the service's own pages, no script anywhere.
      expect(requested.every((url) => url.startsWith(system.url('review-service', '/')))).toBe(true);
      expect(await page.locator('script').count()).toBe(0);

      await page.check('#outcome-0-released-related');
      await page.click('#record-decision');
      expect(await page.locator('#task-state').textContent()).toBe('released');
      expect(await page.locator('#notice').textContent()).toContain('released');
      expect(await page.locator('#decision-form').count()).toBe(0);
      expect(await page.locator('#history').textContent()).toContain('claim');
    } finally {
      await context.close();
    }
    await expectSecondVersion(object, first, object.description as string);
  });

  it('redact: the analyst edits the held text in the browser and the redacted text is published as the second version', async () => {
    const { object, first } = await submitHeld('Reported by jane.doe@victim-corp.com of our finance team after a phishing mail.');
    const redacted = 'Reported by an employee of our finance team after a phishing mail.';
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const page = await context.newPage();
      await openHeldTask(page, object.id);
      await expectHeldInContext(page, object);
      // The redaction box starts with the held text for the analyst to edit.
      expect(await page.inputValue('#redacted-0')).toBe(object.description);
      await page.check('#outcome-0-redacted');
      await page.fill('#redacted-0', redacted);
      await page.click('#record-decision');
      expect(await page.locator('#task-state').textContent()).toBe('redacted');
      // The key is destroyed after the decision: the held value is gone from the page for good.
      await page.reload();
      expect(await page.locator('#content-deleted').count()).toBe(1);
      expect(await page.content()).not.toContain('jane.doe');
      await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'analyst-ui-after-redaction.png'), fullPage: true });
    } finally {
      await context.close();
    }
    await expectSecondVersion(object, first, redacted);
    expect(JSON.stringify(versionsOnTopic(object.id))).not.toContain('jane.doe');
  });

  it('delete: the analyst deletes the held field in the browser; nothing new is published and the value is gone', async () => {
    const { object, first } = await submitHeld('Phishing mail sent to John Roe at jroe@victim-corp.com, 555 Main Street, Springfield.');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const page = await context.newPage();
      await openHeldTask(page, object.id);
      await expectHeldInContext(page, object);
      // Every held field decided as deleted.
      const decisions = await page.locator('#decision-form fieldset.decision').count();
      expect(decisions).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < decisions; i++) {
        await page.check(`#outcome-${i}-deleted`);
      }
      await page.click('#record-decision');
      expect(await page.locator('#task-state').textContent()).toBe('deleted');
      expect(await page.locator('#content-deleted').count()).toBe(1);
      expect(await page.content()).not.toContain('jroe@victim-corp.com');
    } finally {
      await context.close();
    }
    // version-publisher read the decision and found nothing to restore: still one version, without the field.
    await waitFor(
      async () => {
        const metrics = await (await fetch(system.url('version-publisher', '/metrics'))).text();
        return /ais_publisher_revisions_total\{cause="review",outcome="nothing-restored"[^}]*\} [1-9]/.test(metrics);
      },
      { timeoutMs: 90_000, description: 'version-publisher applied the deletion' },
    );
    expect(versionsOnTopic(object.id)).toHaveLength(1);
    expect(await taxiiObjects(object.id, '?match[version]=all')).toEqual([first.data.object]);
  });

  /** A web-form submission (§3.2.1) as a browser sends it; resolves with its reference (= its triage task id). */
  async function submitWebForm(title: string): Promise<string> {
    const form = await fetch(system.url('ingest-gateway', '/submit'));
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('ais_csrf='))?.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(cookie).toBeDefined();
    expect(token).toBeDefined();
    const fields = {
      kind: 'indicator',
      title,
      description: 'Serves a fake utility login page.',
      observableType: 'domain',
      observableValue: `login-${Date.now().toString(36)}.evil-utility.example`,
      tlp: 'green',
      organisation: 'Example Power',
      contactEmail: 'soc@power.example',
      sector: 'energy',
      city: 'Austin',
      state: 'TX',
      country: 'US',
      consent: 'none',
      _csrf: token!,
    };
    const response = await fetch(system.url('ingest-gateway', '/submit'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie! },
      body: new URLSearchParams(fields).toString(),
    });
    expect(response.status).toBe(200);
    return new URL(response.url).searchParams.get('ref')!;
  }

  it('triage: the analyst claims web-form submissions in the queue, accepts one and rejects the other with a reason', async () => {
    const accepted = await submitWebForm('Phishing kit host to accept');
    const rejected = await submitWebForm('Test submission to reject');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page, analyst);
      await page.selectOption('#filter-kind', 'triage');
      await page.click('#apply-filter');
      const row = (id: string) => page.locator(`#tasks tr[data-task-id="${id}"]`);
      await waitFor(
        async () => {
          if ((await row(accepted).count()) === 1 && (await row(rejected).count()) === 1) {
            return true;
          }
          await page.reload();
          return false;
        },
        { timeoutMs: 60_000, description: 'both triage tasks in the queue' },
      );
      expect(await row(accepted).textContent()).toContain('web-form');
      // Accept and reject appear once the analyst has claimed the task.
      expect(await row(accepted).locator('button.accept').count()).toBe(0);
      await row(accepted).locator('button.claim').click();
      await row(rejected).locator('button.claim').click();
      expect(await row(rejected).getAttribute('data-state')).toBe('claimed');
      await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'analyst-ui-triage-queue.png'), fullPage: true });

      await row(accepted).locator('button.accept').click();
      expect(await page.locator('#notice').textContent()).toContain('accepted');
      await row(rejected).locator('input[name="reason"]').fill('A test, not a real incident.');
      await row(rejected).locator('button.reject').click();
      expect(await page.locator('#notice').textContent()).toContain('rejected');

      await page.selectOption('#filter-state', 'any');
      await page.click('#apply-filter');
      expect(await row(accepted).getAttribute('data-state')).toBe('accepted');
      expect(await row(rejected).getAttribute('data-state')).toBe('rejected');
      await row(rejected).locator('a.open-task').click();
      expect(await page.locator('#task-state').textContent()).toBe('rejected');
      expect(await page.locator('#content-deleted').count()).toBe(1);
    } finally {
      await context.close();
    }
    const triageEvents = () => reader.valuesOn<{ type: string; data: { submissionId: string; reason?: string } }>(system.topicPrefix + Topics.reviewTriage);
    const acceptedEvent = await waitFor(() => triageEvents().find((e) => e.type === 'TriageAccepted' && e.data.submissionId === accepted), { description: 'TriageAccepted' });
    const rejectedEvent = await waitFor(() => triageEvents().find((e) => e.type === 'TriageRejected' && e.data.submissionId === rejected), { description: 'TriageRejected' });
    expect(acceptedEvent.data.submissionId).toBe(accepted);
    expect(rejectedEvent.data.reason).toBe('A test, not a real incident.');
  });

  it('notice (§4.1): a federal entity files a notice on a published object; the analyst removes the named field in the browser and a corrected version follows', async () => {
    // Text no detector withholds, but which a federal entity recognises as pointing at a person.
    const description = 'Scanning seen by the overnight operator at the branch office.';
    const object: StixObject = { ...(indicator() as StixObject), description };
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [object] } })).status).toBe(202);
    const first = await waitFor(async () => (await taxiiObjects(object.id))[0], { timeoutMs: 90_000, description: 'the first version on the federal root' });
    expect(first).toMatchObject({ id: object.id, description });

    const filed = await fetch(system.url('review-service', '/review/notices'), {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${federal.username}:${federal.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: object.id, objectVersion: first.modified, paths: ['description'] }),
    });
    expect(filed.status).toBe(202);
    const { noticeId } = (await filed.json()) as { noticeId: string };

    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const page = await context.newPage();
      await signIn(page, analyst);
      await page.selectOption('#filter-kind', 'notice');
      await page.click('#apply-filter');
      const row = page.locator(`#tasks tr[data-task-id="${noticeId}"]`);
      await waitFor(
        async () => {
          if ((await row.count()) === 1) {
            return true;
          }
          await page.reload();
          return false;
        },
        { timeoutMs: 60_000, description: 'the notice task in the queue' },
      );
      expect(await row.getAttribute('data-kind')).toBe('notice');
      await row.locator('a.open-task').click();
      // The correction form comes once review-service has read the published version.
      await waitFor(
        async () => {
          if ((await page.locator('#decision-form').count()) === 1) {
            return true;
          }
          await page.reload();
          return false;
        },
        { timeoutMs: 60_000, description: 'the notice with its published object' },
      );
      expect(await page.locator('#object-id').textContent()).toBe(object.id);
      expect(await page.locator('#object-version').textContent()).toBe(first.modified);
      expect(await page.locator('#published-version').textContent()).toBe(first.modified);
      expect(await page.locator('#named-paths li').allTextContents()).toEqual(['description']);
      const named = page.locator('#published-object tr.named');
      expect(await named.count()).toBe(1);
      expect(await named.getAttribute('data-path')).toBe('description');
      expect(await named.locator('mark.named-value').textContent()).toBe(description);
      expect(await page.locator('#published-object tr[data-path="pattern"]').textContent()).toContain(object.pattern as string);
      expect(await page.locator('script').count()).toBe(0);
      mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'analyst-ui-notice.png'), fullPage: true });

      await named.locator('input[value="remove"]').check();
      await page.click('#record-correction');
      expect(await page.locator('#task-state').textContent()).toBe('deleted');
      expect(await page.locator('#notice').textContent()).toContain('corrected');
      expect(await page.locator('#decision-form').count()).toBe(0);
      expect(await page.locator('#history').textContent()).toContain('view');
    } finally {
      await context.close();
    }

    // The federal root: a corrected version with the same id, a later `modified` and no description.
    const both = await waitFor(
      async () => {
        const all = await taxiiObjects(object.id, '?match[version]=all');
        return all.length === 2 ? all : undefined;
      },
      { timeoutMs: 120_000, description: 'the corrected version on the federal root' },
    );
    const corrected = both.find((o) => o.modified !== first.modified)!;
    expect(corrected).toEqual(expect.objectContaining({ id: object.id, pattern: object.pattern }));
    expect(corrected).not.toHaveProperty('description');
    expect(Date.parse(corrected.modified as string)).toBeGreaterThan(Date.parse(first.modified as string));
    expect(await taxiiObjects(object.id)).toEqual([corrected]);
  });

  it('refuses a participant (403 page), a forged form (403) and a signed-out session (back to sign-in)', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, participant);
      expect(await page.locator('#message-title').textContent()).toBe('Not an analyst account');
      const denied = await page.request.get(system.url('review-service', '/analyst/tasks'), { maxRedirects: 0 });
      expect(denied.status()).toBe(303);

      await signIn(page, { username: analyst.username, password: 'not-the-password' });
      expect(await page.locator('#sign-in-problem').textContent()).toContain('not right');

      await signIn(page, analyst);
      expect(new URL(page.url()).pathname).toBe('/analyst/tasks');
      const response = await page.request.get(system.url('review-service', '/analyst/tasks'));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'/);
      expect(response.headers()['content-security-policy']).not.toMatch(/script-src/);
      const cookie = (await context.cookies()).find((c) => c.name === 'ais_analyst_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/analyst' });
      // The session cookie alone, without the page's CSRF token: refused.
      const forged = await page.request.post(system.url('review-service', '/analyst/sign-out'), { form: { _csrf: 'forged' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);

      await page.click('#sign-out');
      expect(new URL(page.url()).pathname).toBe('/analyst/sign-in');
      await page.goto(system.url('review-service', '/analyst/tasks'));
      expect(new URL(page.url()).pathname).toBe('/analyst/sign-in');
    } finally {
      await context.close();
    }
  });

  it('refuses sign-in (429 with Retry-After) after 10 failed attempts for one user name, before the password is checked', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const guessed = { username: `guessed-${Date.now().toString(36)}`, password: 'not-the-password' };
      for (let attempt = 0; attempt < 10; attempt++) {
        await signIn(page, guessed);
        expect(await page.locator('#sign-in-problem').textContent()).toContain('not right');
      }
      const blocked = page.waitForResponse((response) => response.url().endsWith('/analyst/sign-in') && response.request().method() === 'POST');
      await signIn(page, guessed);
      const response = await blocked;
      expect(response.status()).toBe(429);
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(14 * 60);
      expect(await page.locator('#sign-in-problem').textContent()).toContain('Too many failed sign-ins');
      // Another account from the same browser still signs in.
      await signIn(page, analyst);
      expect(new URL(page.url()).pathname).toBe('/analyst/tasks');
    } finally {
      await context.close();
    }
  });
});
