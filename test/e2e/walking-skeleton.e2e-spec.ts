import { Topics } from '@ais/contracts';
import { IDLE_CONNECTION_TIMEOUT_MS } from '@ais/platform';
import { TopicReader, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { SERVICES } from '../../scripts/system/service-launcher';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator, malware, relationship } from './support/stix-fixtures';

/**
 * The walking skeleton end to end: TAXII POST → schema-validator → submitter-anonymizer →
 * pii-filter → version-publisher → output topic and federal TAXII root, counted by audit-projector.
 */
describe('AIS Exchange end to end', () => {
  const system = new E2eSystem(18080);
  let participant: Account;
  let federal: Account;
  let auditor: Account;
  let published: TopicReader;
  let collectionPath: string;

  beforeAll(async () => {
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    federal = await system.createAccount('federal-consumer', { federalEntity: 'energy' });
    auditor = await system.createAccount('auditor');
    published = await new TopicReader().start([system.topicPrefix + Topics.disseminationPublished]);
    const collections = await system.taxii('version-publisher', '/federal/collections/', federal);
    const [collection] = collections.body.collections as { id: string }[];
    collectionPath = `/federal/collections/${collection!.id}/objects/`;
  }, 180_000);

  afterAll(async () => {
    await published?.stop();
    await system.stop();
  }, 60_000);

  async function submit(objects: unknown[]): Promise<string> {
    const response = await system.taxii('ingest-gateway', '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/', participant, {
      method: 'POST',
      body: { objects },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('application/taxii+json;version=2.1');
    return response.body.id as string;
  }

  async function completedStatus(statusId: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return waitFor(
      async () => {
        const status = await system.taxii('ingest-gateway', `/ingest/status/${statusId}/`, participant);
        return status.body.status === 'complete' ? status.body : undefined;
      },
      { timeoutMs, description: `status ${statusId} complete` },
    );
  }

  const publishedIds = () => published.valuesOn<{ data: { objectId: string } }>(system.topicPrefix + Topics.disseminationPublished).map((e) => e.data.objectId);
  /** `<id> <version>` of each version on the output topic so far, in the order read. */
  const publishedVersions = () =>
    published
      .valuesOn<{ type: string; data: { objectId: string; version: string } }>(system.topicPrefix + Topics.disseminationPublished)
      .filter((e) => e.type === 'IndicatorPublished')
      .map((e) => `${e.data.objectId} ${e.data.version}`);

  it('keeps idle connections open 65 s, longer than the proxies in front of the services', async () => {
    for (const service of SERVICES) {
      const response = await fetch(system.url(service, '/health'));
      expect({ service, keepAlive: response.headers.get('keep-alive') }).toEqual({ service, keepAlive: `timeout=${IDLE_CONNECTION_TIMEOUT_MS / 1000}` });
    }
  });

  it('publishes every valid object of a bundle on the output topic and the federal TAXII root, with the same STIX ids', async () => {
    const ind = indicator();
    const mal = malware();
    const rel = relationship(ind.id as string, mal.id as string);
    const statusId = await submit([ind, mal, rel, { type: 'indicator', id: 'not-a-stix-id' }]);

    const status = await completedStatus(statusId);
    expect(status).toMatchObject({ total_count: 4, success_count: 3, failure_count: 1, pending_count: 0 });
    expect((status.successes as { id: string }[]).map((s) => s.id).sort()).toEqual([ind.id, mal.id, rel.id].sort());
    expect((status.failures as { id: string; message: string }[])[0]).toMatchObject({ id: 'not-a-stix-id' });

    const ids = [ind.id, mal.id, rel.id] as string[];
    await waitFor(() => ids.every((id) => publishedIds().includes(id)), { description: 'objects on the output topic' });
    const federalObjects = await waitFor(async () => {
      const envelope = await system.taxii('version-publisher', `${collectionPath}?match[id]=${ids.join(',')}`, federal);
      const objects = (envelope.body.objects ?? []) as { id: string }[];
      return objects.length === 3 ? objects : undefined;
    });
    expect(federalObjects.map((o) => o.id).sort()).toEqual([...ids].sort());
    // Published as submitted, plus the creator the anonymizer names (§2.3.1.3).
    expect(federalObjects.find((o) => o.id === ind.id)).toMatchObject(ind);

    // The counts are a projection of the log: they follow the publication within about a second.
    const totals = await waitFor(async () => {
      const counts = await system.taxii('audit-projector', '/audit/counts', auditor);
      expect(counts.status).toBe(200);
      const current = counts.body.totals as Record<string, Record<string, number>>;
      return Object.values(current.published ?? {}).reduce((a, b) => a + b, 0) >= 3 ? current : undefined;
    }, { description: 'the published objects counted' });
    expect(totals.received?.taxii).toBeGreaterThanOrEqual(1);
  });

  it('moves a malformed record on a pipeline topic to its dead-letter topic, counts it, and keeps processing', async () => {
    const kafka = new Kafka({ clientId: 'e2e-poison', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: system.topicPrefix + Topics.pipelineValidated, messages: [{ key: 'poison', value: '{"eventId": 42' }] });
    await producer.disconnect();
    const deadLetters = await new TopicReader().start([`${system.topicPrefix}${Topics.pipelineValidated}.dlq`]);

    const ind = indicator();
    const statusId = await submit([ind]);
    expect(await completedStatus(statusId)).toMatchObject({ success_count: 1 });
    // Every group that reads the topic dead-letters the record; the stage's own is the one to find.
    const byTheStage = () =>
      deadLetters.records.filter((r) => r.message.headers?.['ais-dlq-group']?.toString() === `${system.topicPrefix}submitter-anonymizer.anonymize`);
    await waitFor(() => byTheStage().length === 1, { description: "the anonymizer's dead letter" });
    await deadLetters.stop();
    const metrics = await (await fetch(system.url('submitter-anonymizer', '/metrics'))).text();
    expect(metrics).toMatch(/ais_events_dead_lettered_total\{[^}]*code="AIS_ENVELOPE_NOT_JSON"[^}]*\} 1/);
  });

  it('publishes a version once when the same bundle is POSTed twice at once, and both statuses count it as a success', async () => {
    // A client retrying a POST whose answer it lost: both POSTs reach the pipeline before either is published.
    const objects = [indicator(), malware()];
    const statusIds = await Promise.all([submit(objects), submit(objects)]);
    for (const statusId of statusIds) {
      expect(await completedStatus(statusId)).toMatchObject({ success_count: 2, failure_count: 0, pending_count: 0 });
    }

    // A later version of each object, sent after both: once it is on the output topic (each
    // object's versions share a partition), anything either POST published is there before it.
    const later = new Date(Date.now() + 1_000).toISOString();
    const newer: Record<string, unknown>[] = objects.map((o) => ({ ...o, modified: later }));
    expect(await completedStatus(await submit(newer))).toMatchObject({ success_count: 2 });
    const expected = [...objects, ...newer].map((o) => `${o.id as string} ${o.modified as string}`);
    await waitFor(() => newer.every((o) => publishedVersions().includes(`${o.id as string} ${later}`)), { description: 'the later versions on the output topic' });
    expect(publishedVersions().filter((version) => expected.includes(version)).sort()).toEqual([...expected].sort());
  });

  it('publishes a version a bundle lists twice once, and fails the repeated entry with a reason', async () => {
    const ind = indicator();
    const statusId = await submit([ind, malware(), ind]);
    const status = await completedStatus(statusId);
    expect(status).toMatchObject({ total_count: 3, success_count: 2, failure_count: 1 });
    expect(status.failures).toEqual([{ id: ind.id, version: ind.modified, message: 'the batch already holds an object with this id and version' }]);

    // A later version of the indicator after it: once that is on the output topic (same key, same partition), the first is counted.
    const newer = { ...ind, modified: new Date(Date.now() + 1_000).toISOString() };
    expect(await completedStatus(await submit([newer]))).toMatchObject({ success_count: 1 });
    const versionsOfIndicator = () => publishedVersions().filter((version) => version.startsWith(`${ind.id as string} `));
    await waitFor(() => versionsOfIndicator().includes(`${ind.id as string} ${newer.modified}`), { description: 'the later version on the output topic' });
    expect(versionsOfIndicator()).toEqual([`${ind.id as string} ${ind.modified as string}`, `${ind.id as string} ${newer.modified}`]);
  });

  it('publishes every object exactly once when a pipeline stage is killed -9 in the middle of a stream', async () => {
    const submissions = 30;
    const expected: string[] = [];
    const statusIds: string[] = [];
    for (let i = 0; i < submissions; i++) {
      const objects = [indicator(), malware()];
      expected.push(...objects.map((o) => o.id as string));
      statusIds.push(await submit(objects));
      if (i === 10) {
        await system.launcher.kill('pii-filter');
      }
      if (i === 20) {
        // While the stage is down nothing gets past it: the kill really cut the stream.
        const meanwhile = await system.taxii('ingest-gateway', `/ingest/status/${statusIds[15]!}/`, participant);
        expect(meanwhile.body).toMatchObject({ status: 'pending', pending_count: 2 });
        system.launcher.start('pii-filter');
      }
    }
    await system.launcher.waitHealthy(['pii-filter']);
    for (const statusId of statusIds) {
      expect(await completedStatus(statusId, 120_000)).toMatchObject({ success_count: 2, failure_count: 0 });
    }
    await waitFor(() => expected.every((id) => publishedIds().includes(id)), { timeoutMs: 60_000, description: 'all objects published' });
    const occurrences = new Map<string, number>();
    for (const id of publishedIds()) {
      occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
    }
    expect(expected.filter((id) => occurrences.get(id) !== 1)).toEqual([]);
  }, 300_000);
});
