import { Topics, type StixObject } from '@ais/contracts';
import { generateCorpus, type CorpusBundle, type CorpusLabel, type PlantedKind } from '@ais/pii';
import { TEST_BROKERS, TopicReader, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT, SERVICES } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { PRIVACY_CORPUS_BUNDLES, PRIVACY_CORPUS_SEED, REGISTRATION_CONTACTS } from './support/planted-personal-values';
import { TLP_GREEN } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const SEED = PRIVACY_CORPUS_SEED;
/** Planted and hard-negative bundles of each: 40 submissions. */
const CORPUS_BUNDLES = PRIVACY_CORPUS_BUNDLES;
/** Identifiers the detectors validate (checksums, ranges, numbering plans). */
const VALIDATED: readonly PlantedKind[] = ['email', 'ssn', 'payment-card', 'phone', 'iban'];
/** Carry objects before screening by design (bounded retention): read, never asserted on. */
const PRE_SCREENING: readonly string[] = [Topics.pipelineValidated, Topics.pipelineAnonymized];
const SLOW = { timeoutMs: 300_000, intervalMs: 1_000 };

interface Registration {
  readonly organisation: string;
  readonly contact: string;
  readonly consent: 'none' | 'everyone';
  readonly sectors: string[];
  readonly city: string;
  readonly state: string;
}

/** Three participants without consent, one with: sector and location travel for all of them. */
const REGISTRATIONS: readonly Registration[] = [
  { organisation: 'Bluegrass Rural Electric Cooperative', contact: REGISTRATION_CONTACTS.bluegrass, consent: 'none', sectors: ['energy'], city: 'Lexington', state: 'KY' },
  { organisation: 'Harbor Point Water Authority', contact: REGISTRATION_CONTACTS.harborPoint, consent: 'none', sectors: ['infrastructure-water'], city: 'Tacoma', state: 'WA' },
  { organisation: 'Prairie Valley Health System', contact: REGISTRATION_CONTACTS.prairieValley, consent: 'none', sectors: ['healthcare'], city: 'Omaha', state: 'NE' },
  { organisation: 'Gulf Coast Grid Partners', contact: REGISTRATION_CONTACTS.gulfCoast, consent: 'everyone', sectors: ['energy'], city: 'Houston', state: 'TX' },
];

interface Submission {
  readonly index: number;
  readonly bundle: CorpusBundle;
  readonly registration: Registration;
  readonly identityId: string;
  readonly objects: StixObject[];
  statusId: string;
  status: Record<string, unknown>;
}

interface Envelope<T = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: string;
  readonly correlationId: string;
  readonly data: T;
}

interface PublishedData {
  readonly objectId: string;
  readonly sourceObjectId: string;
  readonly submissionId: string;
  readonly object: StixObject;
}

interface HeldValue {
  readonly path: string;
  readonly detector: string;
  readonly value: unknown;
}

interface HeldTaskView {
  readonly id: string;
  readonly kind: string;
  readonly state: string;
  readonly heldField: { submissionId: string; objectId: string; objectType: string; objectVersion: string; fields: { path: string; detector: string; reason: string }[] };
  readonly content: { object: StixObject; values: HeldValue[] } | null;
  readonly contentStatus: string;
  readonly history: { action: string; principalId: string }[];
}

type Fate = 'held' | 'pruned' | 'unheld' | `failed:${string}`;

interface Planted {
  readonly submission: Submission;
  readonly label: CorpusLabel;
  readonly objectType: string;
  /** The string leaves of the planted field as submitted. */
  readonly leaves: string[];
  /** Fragments of the field found nowhere else in the corpus: any of them in an output is a leak. */
  readonly needles: string[];
  fate: Fate;
}

interface Hit {
  readonly target: string;
  readonly what: string;
}

/**
 * §2.3.2 end to end on a stream of labelled synthetic submissions (libs/pii's seeded corpus):
 * planted personal values never come out — not on the federal topic or TAXII root, not on any
 * sanitised topic outside sealed blobs, not in a log line or a metric — while sector and location
 * always do, every planted value that reached screening is held and an analyst can open it, and a
 * submitter without consent stays unnamed.
 */
describe('privacy screening end to end', () => {
  const system = new E2eSystem(18580);
  const kafka = new Kafka({ clientId: 'e2e-privacy', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  const corpus = generateCorpus({ seed: SEED, bundles: CORPUS_BUNDLES });
  const participants: Account[] = [];
  let federal: Account;
  let analyst: Account;
  let analystId: string;
  let reader: TopicReader;
  let topics: string[] = [];
  const submissions: Submission[] = [];
  const planted: Planted[] = [];
  const tasks: HeldTaskView[] = [];
  let federalObjects: StixObject[] = [];
  let logs: { file: string; text: string }[] = [];
  let metrics: { service: string; text: string }[] = [];
  /** The analysts' queue as listed: it must carry no values. */
  let listing = '';

  const t = (name: string) => system.topicPrefix + name;
  const events = <T>(topic: string) => reader.valuesOn<Envelope<T>>(t(topic));

  beforeAll(async () => {
    await system.start();
    for (const registration of REGISTRATIONS) {
      participants.push(
        await system.createAccount('participant', {
          organisation: registration.organisation,
          sectors: registration.sectors,
          city: registration.city,
          state: registration.state,
          defaultConsent: registration.consent,
        }),
      );
    }
    federal = await system.createAccount('federal-consumer', { federalEntity: 'homeland-security' });
    analyst = await system.createAccount('analyst');
    analystId = await principalIdOf(analyst.username);

    const admin = kafka.admin();
    await admin.connect();
    topics = (await admin.listTopics()).filter((topic) => topic.startsWith(system.topicPrefix)).sort();
    await admin.disconnect();
    reader = await new TopicReader().start(topics);

    // The stream: one submission per bundle, the participants taking turns.
    corpus.bundles.forEach((bundle, index) => {
      const registration = REGISTRATIONS[index % REGISTRATIONS.length]!;
      const { objects, identityId } = adapt(bundle, registration);
      submissions.push({ index, bundle, registration, identityId, objects, statusId: '', status: {} });
    });
    for (const submission of submissions) {
      const response = await system.taxii('ingest-gateway', INGEST, participants[submission.index % participants.length]!, { method: 'POST', body: { objects: submission.objects } });
      if (response.status !== 202) {
        throw new Error(`submission ${submission.index} answered HTTP ${response.status}`);
      }
      submission.statusId = response.body.id as string;
    }
    // The log, not the TAXII statuses, says when the stream is through: a status is checked on its own below.
    await waitForTheLog();

    // The analyst's queue: every FieldsHeld became a task; each is opened once.
    const heldEvents = events<{ submissionId: string }>(Topics.reviewHeldFields);
    const listed = await waitFor(
      async () => {
        const list = await reviewGet('/review/tasks?kind=held-field&limit=500');
        const found = (list.body.tasks as { id: string }[] | undefined) ?? [];
        listing = stringLeaves(list.body).join('\u0000');
        return found.length >= new Set(heldEvents.map((e) => e.eventId)).size ? found : undefined;
      },
      { ...SLOW, description: 'a held-field task for every FieldsHeld' },
    );
    for (const { id } of listed) {
      const view = await reviewGet(`/review/tasks/${id}`);
      if (view.status !== 200) {
        throw new Error(`task ${id} answered HTTP ${view.status}`);
      }
      tasks.push(view.body as unknown as HeldTaskView);
    }

    federalObjects = await readFederalRoot();
    const logDir = join(REPO_ROOT, '.local', 'logs', system.id);
    logs = readdirSync(logDir).map((file) => ({ file, text: readFileSync(join(logDir, file), 'utf8') }));
    metrics = await Promise.all(SERVICES.map(async (service) => ({ service, text: await (await fetch(system.url(service, '/metrics'))).text() })));

    planted.push(...plantedValues());
  }, 1_200_000);

  afterAll(async () => {
    await reader?.stop();
    await system.stop();
  }, 120_000);

  // --- the stream --------------------------------------------------------------------------------

  /**
   * What the AIS Profile asks of a submission, and nothing more: a TLP marking on every object and
   * the submitter's identity as the creator of every SDO and SRO (the participant registered sector
   * and location). The identity names the organisation and its contact, which consent `none` hides.
   */
  function adapt(bundle: CorpusBundle, registration: Registration): { objects: StixObject[]; identityId: string } {
    const identityId = `identity--${randomUUID()}`;
    const now = new Date().toISOString();
    const identity: StixObject = {
      type: 'identity',
      spec_version: '2.1',
      id: identityId,
      created: now,
      modified: now,
      name: registration.organisation,
      identity_class: 'organization',
      description: `Security operations of ${registration.organisation}; ${registration.contact}`,
      contact_information: registration.contact,
      object_marking_refs: [TLP_GREEN],
    };
    const objects = bundle.objects.map((object) => ({
      ...object,
      object_marking_refs: [TLP_GREEN],
      ...(typeof object.created === 'string' ? { created_by_ref: identityId } : {}),
    }));
    return { objects: [identity, ...objects], identityId };
  }

  async function principalIdOf(username: string): Promise<string> {
    const client = new Client({ connectionString: system.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM identity.principals WHERE username = $1`, [username]);
      return rows[0]!.id;
    } finally {
      await client.end();
    }
  }

  async function reviewGet(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(system.url('review-service', path), {
      headers: { authorization: `Basic ${Buffer.from(`${analyst.username}:${analyst.password}`).toString('base64')}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /**
   * Waits until the log shows each submission through — its screened record, every held field it
   * counted, every object it published, its location — and then until nothing more arrives on any
   * topic of the prefix for a few seconds. (High watermarks cannot tell: a transaction's commit or
   * abort marker takes an offset, and aborted records are never read.)
   */
  async function waitForTheLog(): Promise<void> {
    await waitFor(
      () => {
        const screened = events<{ submissionId: string; heldFieldCount: number; objects: unknown[] }>(Topics.pipelineScreened);
        const held = events<{ submissionId: string; fields: unknown[] }>(Topics.reviewHeldFields);
        const published = events<PublishedData>(Topics.disseminationPublished);
        return (
          events(Topics.intakeSubmissions).length >= submissions.length &&
          submissions.every((submission) => {
            const mine = screened.find((e) => e.data.submissionId === submission.statusId);
            const heldFields = held.filter((e) => e.data.submissionId === submission.statusId).reduce((n, e) => n + e.data.fields.length, 0);
            const objects = published.filter((e) => e.data.submissionId === submission.statusId).map((e) => e.data.object);
            return mine !== undefined && heldFields === mine.data.heldFieldCount && objects.length >= mine.data.objects.length && objects.some((o) => o.type === 'location');
          })
        );
      },
      { ...SLOW, description: 'every submission screened, held and published on the log' },
    );
    let count = -1;
    let since = Date.now();
    await waitFor(
      () => {
        if (reader.records.length !== count) {
          count = reader.records.length;
          since = Date.now();
        }
        return Date.now() - since >= 5_000;
      },
      { ...SLOW, description: 'no more records on any topic of the prefix' },
    );
  }

  /** Every version of every object on the federal TAXII root, page by page. */
  async function readFederalRoot(): Promise<StixObject[]> {
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    const objects: StixObject[] = [];
    for (const collection of collections.body.collections as { id: string }[]) {
      let next: string | undefined;
      do {
        const query = `match[version]=all&limit=1000${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
        const page = await system.taxii('version-publisher', `/federal/collections/${collection.id}/objects/?${query}`, federal);
        expect(page.status).toBe(200);
        objects.push(...((page.body.objects as StixObject[] | undefined) ?? []));
        next = page.body.more === true ? (page.body.next as string) : undefined;
      } while (next !== undefined);
    }
    return objects;
  }

  // --- planted values, their fate and their fragments -------------------------------------------

  function plantedValues(): Planted[] {
    const background = backgroundText();
    const screenedFailures = new Map<string, string>();
    for (const e of events<{ failures: { objectId?: string; code: string }[] }>(Topics.pipelineScreened)) {
      for (const failure of e.data.failures) {
        if (failure.objectId !== undefined) {
          screenedFailures.set(`${e.correlationId} ${failure.objectId}`, failure.code);
        }
      }
    }
    const removals = new Set(
      events<{ removals: { objectId: string; path: string }[] }>(Topics.pipelineValidated).flatMap((e) => e.data.removals.map((r) => `${e.correlationId} ${r.objectId} ${r.path}`)),
    );
    const result: Planted[] = [];
    for (const submission of submissions) {
      for (const label of submission.bundle.labels) {
        const object = submission.bundle.objects.find((o) => o.id === label.objectId)!;
        const leaves = stringLeaves(valueAt(object, label.path));
        const needles = [...new Set(leaves.flatMap(fragmentsOf))].filter((needle) => needle.length >= 6 && !background.includes(needle));
        const failure = screenedFailures.get(`${submission.statusId} ${label.objectId}`);
        const top = label.path.split(/[.[]/)[0]!;
        const fate: Fate =
          failure !== undefined
            ? `failed:${failure}`
            : removals.has(`${submission.statusId} ${label.objectId} /${top}`)
              ? 'pruned'
              : heldValueOf(submission, label, object.type, leaves) !== undefined
                ? 'held'
                : 'unheld';
        result.push({ submission, label, objectType: object.type, leaves, needles, fate });
      }
    }
    return result;
  }

  /** Every string of the stream that is not planted: threat prose, hard negatives, our own additions. */
  function backgroundText(): string {
    const parts: string[] = ['Anonymous AIS participant', '[withheld pending review]'];
    for (const registration of REGISTRATIONS) {
      parts.push(registration.city, registration.state, ...registration.sectors);
    }
    // Threat prose beyond this stream's draw: product, tool and actor names are not planted values.
    for (const bundle of generateCorpus({ seed: SEED + 1, bundles: 300 }).bundles.filter((b) => b.set === 'hard-negative')) {
      parts.push(...bundle.objects.flatMap((object) => stringLeaves(object)));
    }
    for (const submission of submissions) {
      parts.push(...submission.bundle.patternValues);
      for (const object of submission.objects) {
        const labels = submission.bundle.labels.filter((l) => l.objectId === object.id).map((l) => l.path);
        for (const [path, leaf] of leavesWithPaths(object)) {
          if (!labels.some((label) => path === label || path.startsWith(`${label}.`) || path.startsWith(`${label}[`))) {
            parts.push(leaf);
          }
        }
      }
    }
    return parts.join('\u0000');
  }

  /**
   * The task view holding this planted field of this submission, if an analyst can open it: same
   * submission, object type and path, and the value as planted. The object id is not compared: an
   * observable whose id derives from a held value is published (and held) under a new id.
   */
  function heldValueOf(submission: Submission, label: CorpusLabel, type: string, leaves: readonly string[]): HeldValue | undefined {
    for (const task of tasks) {
      const { heldField, content } = task;
      if (heldField.submissionId !== submission.statusId || heldField.objectType !== type || content === null) {
        continue;
      }
      const value = content.values.find((v) => {
        const related = v.path === label.path || v.path.startsWith(`${label.path}.`) || v.path.startsWith(`${label.path}[`) || label.path.startsWith(`${v.path}.`) || label.path.startsWith(`${v.path}[`);
        const held = stringLeaves(v.value).join('\u0000');
        return related && leaves.every((leaf) => held.includes(leaf));
      });
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  }

  // --- where values must not be -----------------------------------------------------------------

  /**
   * The outputs, as text: published versions (topic and federal root), every topic of the prefix
   * but the two pre-screening ones with sealed blobs cut out, the analysts' task list, every
   * service log, every /metrics.
   * `strip` takes out what a check allows (the replaced identity ids on the screened topic).
   */
  function outputs(strip: (topic: string, value: Record<string, unknown>) => Record<string, unknown> = (_topic, value) => value): { target: string; text: string }[] {
    const out: { target: string; text: string }[] = [];
    for (const topic of topics) {
      const name = topic.slice(system.topicPrefix.length);
      if (PRE_SCREENING.includes(name)) {
        continue;
      }
      const texts = reader.on(topic).map((record) => {
        const raw = record.message.value?.toString('utf8') ?? '';
        const headers = Object.values(record.message.headers ?? {}).map((h) => String(h)).join('\u0000');
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          return `${raw}\u0000${headers}`;
        }
        const value = typeof parsed === 'object' && parsed !== null ? strip(name, parsed as Record<string, unknown>) : parsed;
        return `${stringLeaves(withoutSeals(value)).join('\u0000')}\u0000${headers}`;
      });
      out.push({ target: `topic ${name}`, text: texts.join('\u0001') });
    }
    out.push({ target: 'federal TAXII root', text: federalObjects.map((o) => stringLeaves(o).join('\u0000')).join('\u0001') });
    out.push({ target: 'GET /review/tasks?kind=held-field', text: listing });
    out.push(...logs.map((log) => ({ target: `log ${log.file}`, text: log.text })));
    out.push(...metrics.map((m) => ({ target: `/metrics of ${m.service}`, text: m.text })));
    return out;
  }

  function hitsOf(needles: readonly { needle: string; what: string }[], targets: readonly { target: string; text: string }[]): Hit[] {
    const hits: Hit[] = [];
    for (const { target, text } of targets) {
      for (const { needle, what } of needles) {
        // Logs and metrics are JSON and Prometheus text: look for the escaped form too.
        const escaped = JSON.stringify(needle).slice(1, -1);
        if (text.includes(needle) || text.includes(escaped)) {
          hits.push({ target, what });
        }
      }
    }
    return hits;
  }

  /** The submission's creator as published: the identity located at the location, named by every object. */
  function creatorOf(objects: readonly StixObject[]): { identity?: StixObject; location?: StixObject } {
    const locatedAt = objects.find((o) => o.type === 'relationship' && o.relationship_type === 'located-at');
    return {
      identity: objects.find((o) => o.type === 'identity' && o.id === locatedAt?.source_ref),
      location: objects.find((o) => o.type === 'location' && o.id === locatedAt?.target_ref),
    };
  }

  const describeLabel = (p: Planted) => `submission ${p.submission.index} ${p.objectType} ${p.label.path} (${p.label.kind})`;

  // --- the checks ---------------------------------------------------------------------------------

  it('takes every submission of the stream through, with no submission rejected and nothing dead-lettered', () => {
    expect(submissions).toHaveLength(2 * CORPUS_BUNDLES);
    expect(events(Topics.pipelineScreened)).toHaveLength(submissions.length);
    expect(events(Topics.intakeRejections)).toEqual([]);
    const deadLettered = topics.filter((topic) => topic.endsWith('.dlq') && reader.on(topic).length > 0);
    expect(deadLettered).toEqual([]);
  });

  it('completes the TAXII status of every submission', async () => {
    const fetchAll = () =>
      Promise.all(
        submissions.map(async (submission) => {
          const status = await system.taxii('ingest-gateway', `/ingest/status/${submission.statusId}/`, participants[submission.index % participants.length]!);
          submission.status = status.body;
          return status.body;
        }),
      );
    await waitFor(async () => (await fetchAll()).every((status) => status.status === 'complete'), { timeoutMs: 120_000, intervalMs: 2_000, description: 'every status complete' }).catch(
      () => undefined,
    );
    // What stays pending, by object type: never a value.
    const incomplete = submissions
      .filter((submission) => submission.status.status !== 'complete')
      .map((submission) => `submission ${submission.index}: pending ${((submission.status.pendings as { id: string }[] | undefined) ?? []).map((p) => p.id.split('--')[0]).join(', ')}`);
    expect(incomplete).toEqual([]);
  }, 300_000);

  it('sees, as a control, every planted value that reached screening on the topic pii-filter screened it from', () => {
    const reached = planted.filter((p) => p.fate === 'held' || p.fate === 'unheld');
    expect(reached.filter((p) => p.needles.length === 0).map(describeLabel)).toEqual([]);
    const anonymized = reader.on(t(Topics.pipelineAnonymized)).map((record) => stringLeaves(JSON.parse(record.message.value?.toString('utf8') ?? 'null')).join('\u0000'));
    const seen = new Set(hitsOf(reached.flatMap((p) => p.needles.map((needle) => ({ needle, what: describeLabel(p) }))), [{ target: 'control', text: anonymized.join('\u0001') }]).map((hit) => hit.what));
    expect(reached.map(describeLabel).filter((what) => !seen.has(what))).toEqual([]);
  });

  it('(a) lets no planted validated identifier (e-mail, SSN, card, phone, IBAN) out: published versions, sanitised topics, logs, metrics', () => {
    const needles = planted.filter((p) => VALIDATED.includes(p.label.kind)).flatMap((p) => p.needles.map((needle) => ({ needle, what: describeLabel(p) })));
    expect(needles.length).toBeGreaterThan(0);
    expect(hitsOf(needles, outputs())).toEqual([]);
  });

  it('(a) lets no other planted personal value out either', () => {
    const needles = planted.filter((p) => !VALIDATED.includes(p.label.kind)).flatMap((p) => p.needles.map((needle) => ({ needle, what: describeLabel(p) })));
    expect(hitsOf(needles, outputs())).toEqual([]);
  });

  it('(b) publishes sector and location with every submission, on the topic and the federal root', () => {
    const published = events<PublishedData>(Topics.disseminationPublished);
    const federalIds = new Set(federalObjects.map((o) => `${o.id} ${versionOf(o)}`));
    const missing: string[] = [];
    for (const submission of submissions) {
      const objects = published.filter((e) => e.data.submissionId === submission.statusId).map((e) => e.data.object);
      const { sectors, city, state } = submission.registration;
      const { identity, location } = creatorOf(objects);
      if (identity === undefined || location === undefined) {
        missing.push(`submission ${submission.index}: no creator identity located at a location`);
        continue;
      }
      if (!Array.isArray(identity.sectors) || !sectors.every((sector) => (identity.sectors as string[]).includes(sector))) {
        missing.push(`submission ${submission.index}: creator without the registered sectors`);
      }
      if (location.country !== 'US' || location.city !== city || location.administrative_area !== state) {
        missing.push(`submission ${submission.index}: location other than registered`);
      }
      if (objects.some((o) => typeof o.created_by_ref === 'string' && o.created_by_ref !== identity.id)) {
        missing.push(`submission ${submission.index}: an object names another creator`);
      }
      for (const object of [identity, location]) {
        if (!federalIds.has(`${object.id} ${versionOf(object)}`)) {
          missing.push(`submission ${submission.index} ${object.type} not on the federal root`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('(c) holds every planted validated identifier that reached screening, and an analyst can open it in its object’s context', () => {
    const reached = planted.filter((p) => VALIDATED.includes(p.label.kind) && (p.fate === 'held' || p.fate === 'unheld'));
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.filter((p) => p.fate !== 'held').map(describeLabel)).toEqual([]);
  });

  it('(c) holds every other planted value that reached screening', () => {
    expect(planted.filter((p) => p.fate === 'unheld').map(describeLabel)).toEqual([]);
  });

  it('(c) shows each held-field task with its cleared object and records every view with the analyst’s id', () => {
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task).toMatchObject({ kind: 'held-field', state: 'open', contentStatus: 'available' });
      expect(task.content?.object.id).toBe(task.heldField.objectId);
      expect(task.content?.values.map((v) => v.path)).toEqual(task.heldField.fields.map((f) => f.path));
      expect(task.history).toContainEqual(expect.objectContaining({ action: 'view', principalId: analystId }));
    }
  });

  it('(d) without consent, never lets the organisation, its contact details or its identity id out', () => {
    const hidden = REGISTRATIONS.filter((r) => r.consent === 'none');
    const needles = [
      ...hidden.flatMap((r) =>
        [r.organisation, r.contact, ...r.contact.split(', ')].map((needle, part) => ({ needle, what: `participant ${REGISTRATIONS.indexOf(r)}: ${['organisation', 'contact', 'contact name', 'contact e-mail', 'contact phone'][part] ?? 'contact'}` })),
      ),
      ...submissions.filter((s) => s.registration.consent === 'none').map((s) => ({ needle: s.identityId, what: `submission ${s.index} identity id` })),
    ];
    // The screened and concluded records name the replaced identity so its TAXII status can succeed:
    // internal, by design (the outcomes topic is read by ingest-gateway alone).
    const withoutReplaced = (topic: string, value: Record<string, unknown>) =>
      topic === Topics.pipelineScreened || topic === Topics.disseminationOutcomes ? { ...value, data: { ...(value.data as Record<string, unknown>), replaced: [] } } : value;
    expect(hitsOf(needles, outputs(withoutReplaced))).toEqual([]);

    const published = events<PublishedData>(Topics.disseminationPublished);
    const named = submissions
      .filter((s) => s.registration.consent === 'none')
      .map((s) => creatorOf(published.filter((e) => e.data.submissionId === s.statusId).map((e) => e.data.object)).identity)
      .filter((identity) => identity?.name !== 'Anonymous AIS participant');
    expect(named).toEqual([]);
  });

  it('reports what happened to every planted value', () => {
    const byFate = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    for (const p of planted) {
      byFate.set(p.fate, (byFate.get(p.fate) ?? 0) + 1);
      const kind = byKind.get(p.label.kind) ?? new Map<string, number>();
      kind.set(p.fate, (kind.get(p.fate) ?? 0) + 1);
      byKind.set(p.label.kind, kind);
    }
    const published = events<PublishedData>(Topics.disseminationPublished);
    const report = {
      seed: SEED,
      submissions: submissions.length,
      objectsSubmitted: submissions.reduce((n, s) => n + s.objects.length, 0),
      versionsPublished: published.length,
      federalRootVersions: federalObjects.length,
      heldFieldEvents: events(Topics.reviewHeldFields).length,
      heldFieldTasks: tasks.length,
      heldFields: tasks.reduce((n, task) => n + task.heldField.fields.length, 0),
      plantedFields: planted.length,
      needles: planted.reduce((n, p) => n + p.needles.length, 0),
      byFate: Object.fromEntries(byFate),
      byKind: Object.fromEntries([...byKind].map(([kind, fates]) => [kind, Object.fromEntries(fates)])),
      topicsRead: topics.length,
      recordsRead: reader.records.length,
      logBytes: logs.reduce((n, log) => n + log.text.length, 0),
    };
    process.stdout.write(`privacy screening report ${JSON.stringify(report)}\n`);
    expect(report.plantedFields).toBeGreaterThan(0);
  });
});

// --- JSON helpers -----------------------------------------------------------------------------------

function versionOf(object: StixObject): string {
  return typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '';
}

/** `description`, `external_references[0].description`, `additional_header_fields["X-To"]`. */
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
  return leavesWithPaths(value).map(([, leaf]) => leaf);
}

function leavesWithPaths(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') {
    return [[path, value]];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => leavesWithPaths(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leavesWithPaths(item, path === '' ? key : /^[\w$-]+$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`));
  }
  return [];
}

/** Sealed blobs (`keyId`, `iv`, `tag`, `ciphertext`) hold content by design: cut them out. */
function withoutSeals(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSeals);
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.keyId === 'string' && typeof record.ciphertext === 'string' && typeof record.iv === 'string') {
      return '[sealed]';
    }
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, withoutSeals(item)]));
  }
  return value;
}

/**
 * The fragments of a planted field that identify: the whole value, e-mail addresses (also
 * defanged), numbers of seven digits or more however grouped, IBAN-like runs, capitalised name
 * runs, user profile paths, URL parameter values, and mixed tokens (letters with digits or
 * symbols: secrets, keys, logins). Plain words are not fragments: they say nothing on their own.
 */
function fragmentsOf(text: string): string[] {
  const fragments = [text.trim()];
  const add = (pattern: RegExp, group = 0) => {
    for (const match of text.matchAll(pattern)) {
      const fragment = (match[group] ?? '').trim().replace(/[.,;:)]+$/, '');
      if (fragment.length > 0) {
        fragments.push(fragment);
      }
    }
  };
  add(/[A-Za-z0-9._%+-]+(?:@|\[@\])[A-Za-z0-9-]+(?:(?:\.|\[\.\])[A-Za-z0-9-]+)+/g);
  // Grouped numbers from seven digits on; bare digit runs from nine (shorter ones turn up in metrics by chance).
  for (const match of text.matchAll(/\+?\(?\d[\d ().-]{5,}\d/g)) {
    const digits = (match[0].match(/\d/g) ?? []).length;
    if (digits >= (/^\d+$/.test(match[0]) ? 9 : 7)) {
      fragments.push(match[0].trim());
    }
  }
  add(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}\b/g);
  add(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:[\s_]+\p{Lu}[\p{L}'’-]+)+/gu);
  add(/(?:\\Users\\|\/home\/|\/Users\/)[^\\/\s]+/g);
  add(/[?&#][^=&\s#]+=([^&\s#]+)/g, 1);
  for (const word of text.split(/\s+/)) {
    const token = word.replace(/^[("'<]+|[)"'>.,;:]+$/g, '');
    if (token.length >= 8 && /[A-Za-z]/.test(token) && /[\d@=\\/_!#$%*]/.test(token)) {
      fragments.push(token);
    }
  }
  return fragments;
}
