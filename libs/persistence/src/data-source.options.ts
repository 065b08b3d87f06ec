import type { MixedList, EntitySchema } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { PreparingClient } from './preparing-client';

export interface SchemaOwner {
  /** The PostgreSQL schema a service (or shared library) owns; its migrations live there too. */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
}

export interface DataSourceSettings extends SchemaOwner {
  readonly url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string | EntitySchema>;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/**
 * Every transaction of every service runs READ COMMITTED (row locks then read the latest committed
 * row; nothing retries serialization failures), whatever the server's or database's default. Set
 * once per connection: a `SET TRANSACTION` in each transaction was one more round trip per
 * projection batch.
 */
const READ_COMMITTED_SESSIONS = '-c default_transaction_isolation=read\\ committed';

/** TypeORM options for one schema owner; `synchronize` stays off, migrations change the schema. */
export function dataSourceOptions(settings: DataSourceSettings): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities ?? [],
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's error log prints the failed query with its parameters, which may be submitted
    // values or credential hashes; errors reach the caller, who logs their class only.
    logging: false,
    applicationName: settings.applicationName,
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: 5_000, options: READ_COMMITTED_SESSIONS, Client: PreparingClient },
  };
}
