import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PUBLISHER_SCHEMA, VERSION_PUBLISHER_SCHEMA } from '../../src/migrations';
import { PublishedVersionsRepository, type VersionOf } from '../../src/publish/published-versions.repository';

/**
 * The claims that keep each first version to one publication on `ais.dissemination.published`:
 * the first submission to claim a version owns it, its own redelivery finds it owned by itself,
 * any other submission finds it owned by the first, however the claims meet.
 */
describe('the published-version claims', () => {
  const database = new ScratchDatabase('published_versions');
  let dataSource: DataSource;
  let repository: PublishedVersionsRepository;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [VERSION_PUBLISHER_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: PUBLISHER_SCHEMA, migrations: [] })).initialize();
    repository = new PublishedVersionsRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  const versionsOf = (count: number, version = '2026-11-30T08:00:00.000Z'): VersionOf[] =>
    Array.from({ length: count }, () => ({ objectId: `indicator--${randomUUID()}`, version }));

  it('gives each submission the versions it claims first, when the claims share a statement', async () => {
    const first = { submissionId: randomUUID(), versions: versionsOf(3) };
    const second = { submissionId: randomUUID(), versions: versionsOf(2) };

    const ours = await Promise.all([repository.claim(first), repository.claim(second)]);

    expect(ours).toEqual([[true, true, true], [true, true]]);
  });

  it('gives a redelivered submission its own versions again, and not to a later one', async () => {
    const versions = versionsOf(2);
    const original = { submissionId: randomUUID(), versions };
    await repository.claim(original);

    const again = await repository.claim(original);
    const retry = await repository.claim({ submissionId: randomUUID(), versions: [...versions, ...versionsOf(1)] });

    expect(again).toEqual([true, true]);
    expect(retry).toEqual([false, false, true]);
  });

  it('recognises a redelivered submission whatever the case of its id', async () => {
    const versions = versionsOf(1);
    const submissionId = randomUUID();

    expect(await repository.claim({ submissionId: submissionId.toUpperCase(), versions })).toEqual([true]);
    expect(await repository.claim({ submissionId, versions })).toEqual([true]);
  });

  it('gives a version a submission carries twice to its first occurrence only', async () => {
    const [version] = versionsOf(1);
    const submissionId = randomUUID();

    expect(await repository.claim({ submissionId, versions: [version!, ...versionsOf(1), version!] })).toEqual([true, true, false]);
    expect(await repository.claim({ submissionId, versions: [version!, version!] })).toEqual([true, false]);
  });

  it('keeps another version of the same object apart (a new `modified` is a new version)', async () => {
    const [older] = versionsOf(1, '2026-11-30T08:00:00.000Z');
    const newer = { objectId: older!.objectId, version: '2026-11-30T09:00:00.000Z' };

    await repository.claim({ submissionId: randomUUID(), versions: [older!] });
    expect(await repository.claim({ submissionId: randomUUID(), versions: [older!, newer] })).toEqual([false, true]);
  });

  /** For each version, whether it went to exactly one of two claims of the same versions (the second's in reverse). */
  const oneOwnerEach = (oursOfA: boolean[], oursOfB: boolean[]) => oursOfA.map((ours, i) => ours !== oursOfB[oursOfB.length - 1 - i]);

  it('gives a version two submissions claim in one statement to one of them', async () => {
    const versions = versionsOf(4);
    const a = { submissionId: randomUUID(), versions };
    const b = { submissionId: randomUUID(), versions: [...versions].reverse() };

    const [oursOfA, oursOfB] = await Promise.all([repository.claim(a), repository.claim(b)]);

    expect(oneOwnerEach(oursOfA, oursOfB)).toEqual(Array(4).fill(true));
  });

  it('gives each version that concurrent statements claim in opposite orders to one of them, without deadlock', async () => {
    // Two repositories: two statements on two connections at once, as two partitions of the stage.
    const other = new PublishedVersionsRepository(dataSource);
    for (let round = 0; round < 10; round++) {
      const versions = versionsOf(50);
      const a = { submissionId: randomUUID(), versions };
      const b = { submissionId: randomUUID(), versions: [...versions].reverse() };

      const [oursOfA, oursOfB] = await Promise.all([repository.claim(a), other.claim(b)]);

      expect(oneOwnerEach(oursOfA, oursOfB)).toEqual(Array(50).fill(true));
    }
  });

  it('fails a claim PostgreSQL refuses alone, not the claims that shared its statement', async () => {
    const good = { submissionId: randomUUID(), versions: versionsOf(1) };
    const bad = { submissionId: 'not-a-uuid', versions: versionsOf(1) };

    const [goodOwners, badOwners] = await Promise.allSettled([repository.claim(good), repository.claim(bad)]);

    expect(goodOwners).toEqual({ status: 'fulfilled', value: [true] });
    expect(badOwners.status).toBe('rejected');
  });

  it('answers a claim of no versions with an empty list', async () => {
    expect(await repository.claim({ submissionId: randomUUID(), versions: [] })).toEqual([]);
  });
});
