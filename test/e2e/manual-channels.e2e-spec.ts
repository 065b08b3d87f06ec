import { buildEvent, Topics } from '@ais/contracts';
import { encodeEvent } from '@ais/messaging';
import { TEST_BROKERS, TopicReader, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { REPO_ROOT } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';

/** An SMTP server standing in for the organisation's relay: it keeps every mail it is handed. */
class MailSink {
  readonly messages: ParsedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.messages.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
    this.server = server;
    return this;
  }

  to(address: string): ParsedMail | undefined {
    return this.messages.find((mail) => [mail.to ?? []].flat().some((to) => to.value.some((mailbox) => mailbox.address === address)));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server !== null) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

interface TaskJson {
  id: string;
  kind: string;
  state: string;
  decidedBy: string | null;
  claimedBy: string | null;
  triage: { submissionId: string; channel: string; submissionKind: string; receivedAt: string } | null;
  content?: { fields: Record<string, string>; stixObjects?: Record<string, unknown>[] } | null;
  contentStatus?: string;
  history?: { action: string; principalId: string }[];
}

interface EventJson {
  type: string;
  key: string;
  data: Record<string, unknown> & { submissionId: string; sealedContent?: { keyId: string } };
}

/**
 * The manual channels of §3.2 end to end: the public web form and the e-mail listener of
 * ingest-gateway put submissions in review-service's triage queue, where an analyst claims,
 * opens and decides them; an accepted one leaves as `TriageAccepted` on `ais.review.triage.v1`.
 */
describe('manual channels end to end (§3.2)', () => {
  // Unique markers: the test looks for them in the services' logs at the end.
  const marker = uniqueName('marker');
  const observable = `${marker}.evil.example`;
  let sink: MailSink;
  let system: E2eSystem;
  let analyst: Account;
  let triage: TopicReader;

  beforeAll(async () => {
    sink = await new MailSink().start();
    system = new E2eSystem(18280, { env: { AIS_SMTP_RELAY_URL: `smtp://127.0.0.1:${sink.port}` } });
    await system.start();
    analyst = await system.createAccount('analyst');
    triage = await new TopicReader().start([system.topicPrefix + Topics.reviewTriage]);
  }, 180_000);

  afterAll(async () => {
    await triage?.stop();
    await system?.stop();
    await sink?.stop();
  }, 60_000);

  async function review(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(system.url('review-service', path), {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${analyst.username}:${analyst.password}`).toString('base64')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function triageTasks(): Promise<TaskJson[]> {
    const listed = await review('GET', '/review/tasks?kind=triage');
    return listed.body.tasks as TaskJson[];
  }

  const eventsOn = () => triage.valuesOn<EventJson>(system.topicPrefix + Topics.reviewTriage);

  async function openForm(): Promise<{ cookie: string; token: string; html: string }> {
    const response = await fetch(system.url('ingest-gateway', '/submit'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ais_csrf='))?.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (cookie === undefined || token === undefined) {
      throw new Error('the form came without a CSRF cookie or token');
    }
    return { cookie, token, html };
  }

  function postForm(fields: Record<string, string>, cookie: string | null, redirect: 'follow' | 'manual' = 'follow'): Promise<Response> {
    return fetch(system.url('ingest-gateway', '/submit'), {
      method: 'POST',
      redirect,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie === null ? {} : { cookie }) },
      body: new URLSearchParams(fields).toString(),
    });
  }

  const formFields = {
    kind: 'indicator',
    title: `Phishing kit host ${marker}`,
    description: 'Serves a fake utility login page.',
    observableType: 'domain',
    observableValue: observable,
    tlp: 'green',
    organisation: `Example Power ${marker}`,
    contactEmail: `soc-${marker}@power.example`,
    sector: 'energy',
    city: 'Austin',
    state: 'TX',
    country: 'US',
    consent: 'none',
  };

  it('takes a web-form submission to an analyst, who opens, claims and accepts it into TriageAccepted', async () => {
    const form = await openForm();
    expect(form.html).toContain('<label for="f-observableValue">');

    // No CSRF cookie: refused, nothing queued.
    expect((await postForm({ ...formFields, _csrf: form.token }, null)).status).toBe(403);

    // A missing field: the form again, with the message and the entered values (escaped).
    const incomplete = await postForm({ ...formFields, country: '', title: `<b>${marker}</b>`, _csrf: form.token }, form.cookie);
    expect(incomplete.status).toBe(422);
    const again = await incomplete.text();
    expect(again).toContain('<a href="#f-country">Country is required</a>');
    expect(again).toContain(`&#60;b&#62;${marker}&#60;/b&#62;`);
    expect(again).not.toContain(`<b>${marker}</b>`);

    // Complete: 303 to the thank-you page with the reference number.
    const accepted = await postForm({ ...formFields, _csrf: form.token }, form.cookie);
    expect(accepted.status).toBe(200);
    const reference = new URL(accepted.url).searchParams.get('ref');
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accepted.text()).toContain(reference);

    const task = await waitFor(async () => (await triageTasks()).find((t) => t.id === reference), { description: 'the triage task', timeoutMs: 30_000 });
    expect(task).toMatchObject({ kind: 'triage', state: 'open', triage: { submissionId: reference, channel: 'web-form', submissionKind: 'indicator' } });
    expect(JSON.stringify(await triageTasks())).not.toContain(marker);

    const opened = await review('GET', `/review/tasks/${reference}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ contentStatus: 'available', content: { fields: { observableValue: observable, sector: 'energy', consent: 'none' } } });

    expect((await review('POST', `/review/tasks/${reference}/accept`)).body).toMatchObject({ code: 'AIS_TRIAGE_NOT_CLAIMED' });
    expect((await review('POST', `/review/tasks/${reference}/claim`)).body).toMatchObject({ state: 'claimed' });
    // Two accepts at once (a double click): one decides, the other finds it decided.
    const [first, second] = await Promise.all([review('POST', `/review/tasks/${reference}/accept`), review('POST', `/review/tasks/${reference}/accept`)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const decided = first.status === 200 ? first : second;
    expect(decided.body).toMatchObject({ state: 'accepted' });
    expect((first.status === 409 ? first : second).body).toMatchObject({ code: 'AIS_TRIAGE_ALREADY_DECIDED' });
    expect((await review('POST', `/review/tasks/${reference}/accept`)).status).toBe(409);

    const event = await waitFor(() => eventsOn().find((e) => e.type === 'TriageAccepted' && e.data.submissionId === reference), { description: 'TriageAccepted' });
    expect(event.key).toBe(reference);
    expect(event.data).toMatchObject({ channel: 'web-form', decidedBy: decided.body.decidedBy, objectCount: 1, sealedContent: { keyId: reference } });
    expect(JSON.stringify(event)).not.toContain(marker);

    const history = (await review('GET', `/review/tasks/${reference}`)).body.history as { action: string; principalId: string }[];
    expect(history.map((h) => h.action)).toEqual(['view', 'claim', 'accept', 'view']);
    expect(new Set(history.map((h) => h.principalId))).toEqual(new Set([decided.body.decidedBy]));
  });

  it('answers a mail with a missing field through the relay, and queues complete mails for triage', async () => {
    const mailer = createTransport({ host: '127.0.0.1', port: system.smtpPort, secure: false, ignoreTLS: true });
    const body = (fields: Record<string, string>) =>
      Object.entries(fields)
        .map(([key, value]) => `${key}: ${value}`)
        .join('\n');
    const keyLines = {
      Kind: 'indicator',
      Title: `Mail phishing ${marker}`,
      'Observable-Type': 'email-address',
      'Observable-Value': `billing-${marker}@evil.example`,
      TLP: 'amber',
      Organisation: `Example Water ${marker}`,
      Sector: 'Water and Wastewater Systems',
      City: 'Denver',
      State: 'CO',
      Consent: 'usg',
    };

    // No Country: the transaction still succeeds, and the reply names exactly that field.
    const incompleteSender = `partial-${marker}@water.example`;
    const sent = await mailer.sendMail({ from: incompleteSender, to: 'submit@ais.example', subject: 'IOC', text: `Hello,\n\n${body(keyLines)}\n\n-- \nSOC` });
    expect(sent.response).toMatch(/^250/);
    const reply = await waitFor(() => sink.to(incompleteSender), { description: 'the reply at the relay' });
    expect(reply.subject).toBe('AIS Exchange: your submission is missing required fields');
    expect(reply.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.text).toContain('Missing fields:\n  - Country\n\n');
    expect(reply.text).not.toContain(marker);

    // Complete, structured body: a triage task whose contact is the sender.
    const completeSender = `full-${marker}@water.example`;
    await mailer.sendMail({ from: completeSender, to: 'submit@ais.example', subject: 'IOC', text: body({ ...keyLines, Country: 'US' }) });
    // Complete, STIX attachment and the submitter fields only.
    const stixSender = `stix-${marker}@water.example`;
    const bundle = {
      type: 'bundle',
      id: 'bundle--7a1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50',
      objects: [
        {
          type: 'course-of-action',
          spec_version: '2.1',
          id: 'course-of-action--6a1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50',
          created: '2026-11-01T12:00:00.000Z',
          modified: '2026-11-01T12:00:00.000Z',
          name: 'Block port 4444',
          object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'],
        },
      ],
    };
    await mailer.sendMail({
      from: stixSender,
      to: 'submit@ais.example',
      subject: 'STIX',
      text: body({ Organisation: 'Example Water', Sector: 'water-and-wastewater-systems', State: 'CO', Country: 'US', Consent: 'none' }),
      attachments: [{ filename: 'bundle.json', content: JSON.stringify(bundle), contentType: 'application/stix+json' }],
    });
    mailer.close();

    const mailTasks = await waitFor(
      async () => {
        const tasks = (await triageTasks()).filter((t) => t.triage?.channel === 'email');
        return tasks.length === 2 ? tasks : undefined;
      },
      { description: 'two e-mail triage tasks', timeoutMs: 30_000 },
    );
    const views = await Promise.all(mailTasks.map(async (t) => (await review('GET', `/review/tasks/${t.id}`)).body as unknown as TaskJson));
    const structured = views.find((v) => v.content?.fields.contactEmail === completeSender);
    const withStix = views.find((v) => v.content?.fields.contactEmail === stixSender);
    expect(structured?.content?.fields).toMatchObject({ kind: 'indicator', title: keyLines.Title, sector: 'water-and-wastewater-systems', country: 'US' });
    expect(withStix).toMatchObject({ triage: { submissionKind: 'defensive-measure' }, content: { stixObjects: bundle.objects } });
    expect(sink.to(completeSender)).toBeUndefined();

    // Rejecting deletes the content: the key is destroyed once TriageRejected is written.
    const rejectId = structured!.id;
    await review('POST', `/review/tasks/${rejectId}/claim`);
    const rejected = await review('POST', `/review/tasks/${rejectId}/reject`, { reason: 'not a cyber threat indicator' });
    expect(rejected).toMatchObject({ status: 200, body: { state: 'rejected' } });
    await waitFor(() => eventsOn().find((e) => e.type === 'TriageRejected' && e.data.submissionId === rejectId), { description: 'TriageRejected' });
    expect((await review('GET', `/review/tasks/${rejectId}`)).body).toMatchObject({ state: 'rejected', contentStatus: 'deleted', content: null });

    // Accepting the STIX mail passes its objects on.
    const acceptId = withStix!.id;
    await review('POST', `/review/tasks/${acceptId}/claim`);
    expect((await review('POST', `/review/tasks/${acceptId}/accept`)).status).toBe(200);
    const accepted = await waitFor(() => eventsOn().find((e) => e.type === 'TriageAccepted' && e.data.submissionId === acceptId), { description: 'TriageAccepted' });
    expect(accepted.data).toMatchObject({ channel: 'email', objectCount: 1 });
  });

  it('settles a claimed task from a decision that reached the log when the API could not record it', async () => {
    const mailer = createTransport({ host: '127.0.0.1', port: system.smtpPort, secure: false, ignoreTLS: true });
    await mailer.sendMail({
      from: `crash-${marker}@water.example`,
      to: 'submit@ais.example',
      text: ['Kind: defensive measure', 'Title: Block C2', 'Action: Block TCP 4444', 'TLP: white', 'Organisation: Org', 'Sector: dams', 'City: Boulder', 'Country: US', 'Consent: none'].join('\n'),
    });
    mailer.close();
    const task = await waitFor(async () => (await triageTasks()).find((t) => t.state === 'open' && t.triage?.submissionKind === 'defensive-measure'), {
      description: 'the defensive-measure task',
    });
    const claimed = await review('POST', `/review/tasks/${task.id}/claim`);
    const analystId = claimed.body.claimedBy as string;

    // The API wrote TriageRejected and died before its commit: only the log knows.
    const kafka = new Kafka({ clientId: 'e2e-crash', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const event = buildEvent(
      'TriageRejected',
      { submissionId: task.id, channel: 'email', decidedBy: analystId, reason: 'duplicate' },
      { key: task.id, producer: 'review-service', correlationId: task.id, causationId: null, occurredAt: new Date() },
    );
    await producer.send({ topic: system.topicPrefix + Topics.reviewTriage, messages: [encodeEvent(event)] });
    await producer.disconnect();

    const settled = await waitFor(
      async () => {
        const view = (await review('GET', `/review/tasks/${task.id}`)).body as unknown as TaskJson & { decidedAt: string };
        return view.state === 'rejected' ? view : undefined;
      },
      { description: 'the task settled from the log' },
    );
    expect(settled).toMatchObject({ decidedBy: analystId, contentStatus: 'deleted', content: null });
    expect((await review('POST', `/review/tasks/${task.id}/reject`, { reason: 'again' })).body).toMatchObject({ code: 'AIS_TRIAGE_ALREADY_DECIDED' });
  });

  it('refuses an oversized form, an oversized mail and a flood of posts', async () => {
    const form = await openForm();
    const huge = await postForm({ ...formFields, description: 'x'.repeat(40 * 1024), _csrf: form.token }, form.cookie);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Submission too large');

    const mailer = createTransport({ host: '127.0.0.1', port: system.smtpPort, secure: false, ignoreTLS: true });
    await expect(mailer.sendMail({ from: 'big@water.example', to: 'submit@ais.example', text: 'x'.repeat(1100 * 1024) })).rejects.toMatchObject({ responseCode: 552 });
    mailer.close();

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await postForm({ _csrf: 'forged' }, form.cookie, 'manual')).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(statuses.slice(statuses.indexOf(429)).map(() => 429));
  });

  it('published each decision exactly once and kept every submitted value out of the logs and metrics', async () => {
    const decisions = eventsOn().map((e) => `${e.type}:${e.data.submissionId}`);
    expect(decisions).toHaveLength(4);
    expect(new Set(decisions).size).toBe(4);
    const metrics = await (await fetch(system.url('ingest-gateway', '/metrics'))).text();
    expect(metrics).toMatch(/ais_manual_submissions_total\{[^}]*channel="web-form"[^}]*outcome="accepted"[^}]*\} 1/);
    expect(metrics).toMatch(/ais_mail_replies_total\{[^}]*outcome="sent"[^}]*\} 1/);
    expect(metrics).not.toContain(marker);
    for (const service of ['ingest-gateway', 'review-service'] as const) {
      const log = readFileSync(join(REPO_ROOT, '.local', 'logs', system.id, `${service}.log`), 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(marker);
    }
  });
});
