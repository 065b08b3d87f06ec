import { CodedError } from '@ais/observability';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { DataSource } from 'typeorm';
import { REVIEW_SCHEMA, REVIEW_SERVICE_SCHEMA } from '../../src/migrations';
import { NoticesRepository } from '../../src/notices/notices.repository';
import { NoticeErrorCode } from '../../src/notices/notices-errors';

/**
 * A notice's object is read from version-publisher's repository view. In a database where that
 * service has not run its migrations yet, opening or deciding a notice says so with a 503.
 */
describe("a notice's object before the repository exists", () => {
  const database = new ScratchDatabase('notice_objects');
  let dataSource: DataSource;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [REVIEW_SERVICE_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: REVIEW_SCHEMA, migrations: [] })).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  it('is a 503 naming the missing repository, not a database error', async () => {
    const read = new NoticesRepository(dataSource).latestPublished('indicator--0d6c1f4e-5b7a-4c1e-9f3a-2b8d7e6a5c41');

    await expect(read).rejects.toBeInstanceOf(CodedError);
    await expect(read).rejects.toMatchObject({ code: NoticeErrorCode.RepositoryUnavailable, status: 503 });
  });
});
