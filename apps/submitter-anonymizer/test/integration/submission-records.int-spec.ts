import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SubmissionRecordsRepository, type SubmissionRecord } from '../../src/anonymize/submission-records.repository';
import { SUBMITTER_ANONYMIZER_SCHEMA } from '../../src/migrations';

/**
 * What the anonymizer keeps per submission for contact requests, written for the submissions of a
 * stage batch together: each submission's row and objects, whichever other records share the
 * statement.
 */
describe('the submission records', () => {
  const database = new ScratchDatabase('anonymizer_records');
  let dataSource: DataSource;
  let repository: SubmissionRecordsRepository;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [SUBMITTER_ANONYMIZER_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: SUBMITTER_ANONYMIZER_SCHEMA.schema, migrations: [] })).initialize();
    repository = new SubmissionRecordsRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  function record(overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
    return {
      submissionId: randomUUID(),
      consent: 'none',
      creatorId: `identity--${randomUUID()}`,
      submitterRef: null,
      sealedSubmitter: null,
      objectIds: [`indicator--${randomUUID()}`],
      ...overrides,
    };
  }

  async function stored(submissionId: string) {
    const [submission] = await dataSource.query<{ consent: string; creator_id: string; submitter_ref: string | null; sealed_submitter: unknown }[]>(
      `SELECT consent, creator_id, submitter_ref, sealed_submitter FROM anonymizer.submissions WHERE submission_id = $1`,
      [submissionId],
    );
    const objects = await dataSource.query<{ object_id: string }[]>(
      `SELECT object_id FROM anonymizer.submission_objects WHERE submission_id = $1 ORDER BY object_id`,
      [submissionId],
    );
    return { submission, objectIds: objects.map((row) => row.object_id) };
  }

  it('stores each submission of records written together, with its own objects, an object shared by two kept for both', async () => {
    const shared = `indicator--${randomUUID()}`;
    const sealed = { keyId: randomUUID(), iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y2lwaGVy' };
    const first = record({ consent: 'team', submitterRef: 'ref-1', sealedSubmitter: JSON.stringify(sealed), objectIds: [shared, `identity--${randomUUID()}`] });
    const second = record({ objectIds: [shared] });
    const third = record({ objectIds: [] });

    await Promise.all([first, second, third].map((r) => repository.remember(r)));

    expect(await stored(first.submissionId)).toEqual({
      submission: { consent: 'team', creator_id: first.creatorId, submitter_ref: 'ref-1', sealed_submitter: sealed },
      objectIds: [...first.objectIds].sort(),
    });
    expect(await stored(second.submissionId)).toEqual({
      submission: { consent: 'none', creator_id: second.creatorId, submitter_ref: null, sealed_submitter: null },
      objectIds: [shared],
    });
    expect((await stored(third.submissionId)).objectIds).toEqual([]);
  });

  it('takes a submission again without error and without a second copy (a redelivered record)', async () => {
    const original = record({ consent: 'everyone', objectIds: [`indicator--${randomUUID()}`, `indicator--${randomUUID()}`] });
    await repository.remember(original);

    await Promise.all([repository.remember(original), repository.remember(original)]);

    const after = await stored(original.submissionId);
    expect(after.submission?.consent).toBe('everyone');
    expect(after.objectIds).toEqual([...original.objectIds].sort());
  });

  it('fails only the record PostgreSQL refuses, and writes the others that shared its statement', async () => {
    const [before, after] = [record(), record()];
    const refused = record({ submissionId: 'not-a-uuid' });

    const results = await Promise.allSettled([before, refused, after].map((r) => repository.remember(r)));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await stored(before.submissionId)).objectIds).toEqual(before.objectIds);
    expect((await stored(after.submissionId)).objectIds).toEqual(after.objectIds);
  });
});
