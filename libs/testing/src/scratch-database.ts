import { Client } from 'pg';
import { TEST_DATABASE_URL } from './test-environment';
import { uniqueName } from './unique-name';

/** A database of its own for one integration test file, on the test cluster; dropped (FORCE) at the end. */
export class ScratchDatabase {
  readonly name: string;
  readonly url: string;

  constructor(prefix: string) {
    this.name = uniqueName(prefix).replace(/-/g, '_');
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${this.name}`;
    this.url = url.toString();
  }

  create(): Promise<void> {
    return adminQuery(`CREATE DATABASE ${this.name}`);
  }

  drop(): Promise<void> {
    return adminQuery(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
