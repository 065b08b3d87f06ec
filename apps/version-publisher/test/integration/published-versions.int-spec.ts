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

    const owners = await Promise.all([repository.claim(first), repository.claim(second)]);

    expect(owners).toEqual([Array(3).fill(first.submissionId), Array(2).fill(second.submissionId)]);
  });

  it('gives a redelivered submission its own versions again, and a later one the first owner', async () => {
    const versions = versionsOf(2);
    const original = { submissionId: randomUUID(), versions };
    await repository.claim(original);

    const again = await repository.claim(original);
    const retry = await repository.claim({ submissionId: randomUUID(), versions: [...versions, ...versionsOf(1)] });

    expect(again).toEqual([original.submissionId, original.submissionId]);
    expect(retry.slice(0, 2)).toEqual([original.submissionId, original.submissionId]);
    expect(retry[2]).not.toBe(original.submissionId);
  });

  it('keeps another version of the same object apart (a new `modified` is a new version)', async () => {
    const [older] = versionsOf(1, '2026-11-30T08:00:00.000Z');
    const newer = { objectId: older!.objectId, version: '2026-11-30T09:00:00.000Z' };
    const first = randomUUID();
    const second = randomUUID();

    await repository.claim({ submissionId: first, versions: [older!] });
    expect(await repository.claim({ submissionId: second, versions: [older!, newer] })).toEqual([first, second]);
  });

  it('gives one owner to a version two submissions claim in one statement', async () => {
    const versions = versionsOf(4);
    const a = { submissionId: randomUUID(), versions };
    const b = { submissionId: randomUUID(), versions: [...versions].reverse() };

    const [ownersOfA, ownersOfB] = await Promise.all([repository.claim(a), repository.claim(b)]);

    const owner = ownersOfA[0];
    expect([a.submissionId, b.submissionId]).toContain(owner);
    expect([...ownersOfA, ...ownersOfB]).toEqual(Array(8).fill(owner));
  });

  it('gives one owner to each version that concurrent statements claim in opposite orders, without deadlock', async () => {
    // Two repositories: two statements on two connections at once, as two partitions of the stage.
    const other = new PublishedVersionsRepository(dataSource);
    for (let round = 0; round < 10; round++) {
      const versions = versionsOf(50);
      const a = { submissionId: randomUUID(), versions };
      const b = { submissionId: randomUUID(), versions: [...versions].reverse() };

      const [ownersOfA, ownersOfB] = await Promise.all([repository.claim(a), other.claim(b)]);

      const ownerOf = new Map(versions.map((v, i) => [v.objectId, ownersOfA[i]]));
      expect(b.versions.map((v) => ownerOf.get(v.objectId))).toEqual(ownersOfB);
      expect(ownersOfA.every((owner) => owner === a.submissionId || owner === b.submissionId)).toBe(true);
    }
    const [stored] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM publisher.published_versions`);
    expect(stored!.n).toBeGreaterThanOrEqual(500);
  });

  it('fails a claim PostgreSQL refuses alone, not the claims that shared its statement', async () => {
    const good = { submissionId: randomUUID(), versions: versionsOf(1) };
    const bad = { submissionId: 'not-a-uuid', versions: versionsOf(1) };

    const [goodOwners, badOwners] = await Promise.allSettled([repository.claim(good), repository.claim(bad)]);

    expect(goodOwners).toEqual({ status: 'fulfilled', value: [good.submissionId] });
    expect(badOwners.status).toBe('rejected');
  });

  it('answers a claim of no versions with no owners', async () => {
    expect(await repository.claim({ submissionId: randomUUID(), versions: [] })).toEqual([]);
  });
});
