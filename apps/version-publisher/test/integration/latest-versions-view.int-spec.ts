import { buildEvent, type IndicatorPublishedV1, type StixObject } from '@ais/contracts';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PUBLISHER_SCHEMA, VERSION_PUBLISHER_SCHEMA } from '../../src/migrations';
import { ObjectVersionsProjection } from '../../src/repository/object-versions.projection';

/**
 * `publisher.latest_versions`, the view review-service reads a notice's object from: for each
 * object, the version with the latest STIX timestamp in the repository, whatever order the
 * versions were added in.
 */
describe('the latest versions view', () => {
  const database = new ScratchDatabase('latest_versions');
  let dataSource: DataSource;
  const projection = new ObjectVersionsProjection();

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [VERSION_PUBLISHER_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: PUBLISHER_SCHEMA, migrations: [] })).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  function version(id: string, modified: string, description: string): IndicatorPublishedV1 {
    const object: StixObject = { type: 'indicator', spec_version: '2.1', id, created: '2026-11-01T00:00:00.000Z', modified, description, pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2026-11-01T00:00:00Z' };
    return { objectId: id, version: modified, object, submissionId: randomUUID(), sourceObjectId: id, heldFieldCount: 0 };
  }

  /** What the repository projection does with one published version. */
  async function store(data: IndicatorPublishedV1): Promise<void> {
    const published = buildEvent('IndicatorPublished', data, { key: data.objectId, producer: 'test', correlationId: data.submissionId, causationId: null, occurredAt: new Date() });
    await dataSource.transaction(async (tx: EntityManager) => {
      const writes: Promise<void>[] = [];
      projection.apply(published, { tx, topic: 't', partition: 0, offset: '0', collect: (writer, row) => void writes.push(writer.write(tx, [row])) });
      await Promise.all(writes);
    });
  }

  const latest = async (objectId: string) =>
    dataSource.query<{ object_id: string; version: string; submission_id: string; object: StixObject }[]>(
      `SELECT object_id, version, submission_id, object FROM publisher.latest_versions WHERE object_id = $1`,
      [objectId],
    );

  it('gives the latest STIX version of an object, even when an earlier one was added after it', async () => {
    const id = `indicator--${randomUUID()}`;
    const corrected = version(id, '2026-11-03T10:00:00.000Z', 'corrected');
    await store(corrected);
    await store(version(id, '2026-11-01T00:00:00.000Z', 'first'));
    await store(version(`indicator--${randomUUID()}`, '2026-11-04T00:00:00.000Z', 'another object'));

    expect(await latest(id)).toEqual([{ object_id: id, version: corrected.version, submission_id: corrected.submissionId, object: corrected.object }]);
  });

  it('has no row for an object the repository does not hold', async () => {
    expect(await latest(`indicator--${randomUUID()}`)).toEqual([]);
  });
});
