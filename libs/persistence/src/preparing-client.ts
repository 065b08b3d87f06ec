import { createHash } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/**
 * Distinct statement texts that get a server-side prepared statement; beyond these, a text runs
 * unnamed as before, so SQL built with varying text cannot fill every connection's memory.
 */
const MAX_PREPARED_TEXTS = 1_000;

const names = new Map<string, string>();

/**
 * Set-wise statements (over `unnest` of array parameters, or `= ANY` of one) stay unnamed, planned
 * at each execution for the batch and the tables as they are. A prepared one keeps the generic plan
 * PostgreSQL picks after five runs: picked while a table was small (a sequential scan and a hash
 * join), it went on scanning the whole table as it grew (the gateway's duplicate lookup: 2.5 ms per
 * POST at 50,000 accepted versions, 0.1 ms with the index; the publisher's corroboration lookup by
 * `pattern_key = ANY`: 34 ms at 12,000 rows, filtered one by one). They run once per batch or
 * request, where planning costs little; the per-record statements, which run most often, stay
 * prepared.
 */
const SET_WISE = /\bunnest\s*\(|=\s*ANY\s*\(/i;

/**
 * The prepared statement's name for a text (stable across connections), or null for a set-wise
 * statement or past the limit.
 */
export function preparedStatementName(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) {
    return known;
  }
  if (names.size >= MAX_PREPARED_TEXTS || SET_WISE.test(text)) {
    return null;
  }
  // Within PostgreSQL's 63-byte identifier limit.
  const name = `ais_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
  names.set(text, name);
  return name;
}

/**
 * A pg client that runs each parameterised statement as a named prepared statement: PostgreSQL
 * parses and plans it once per connection instead of at every execution (under the pipeline
 * benchmark, parsing, analysis and planning were a third of the server's CPU), and the client
 * skips the Parse message after the first time. Statements without parameters (BEGIN, COMMIT,
 * DDL) run as before. Handed to the pool as its `Client` (see `dataSourceOptions`).
 */
export class PreparingClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    // pg emits 'error' when the server ends a connection while no query runs on it. The pool listens
    // while a client is idle, TypeORM while it holds one, but not in between: a pool client handed
    // to the next waiter inside the socket handler that then read PostgreSQL's shutdown notice
    // (57P01) had nobody listening, and the process crashed (the fault test's PostgreSQL restart).
    // Such a client is broken whoever holds it: its queries fail, and the pool discards it.
    this.on('error', ignoreError);
  }

  // pg's query() has many overloads; TypeORM calls the (text, values) one and awaits the promise.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = preparedStatementName(text);
      if (name !== null) {
        return clientQuery.call(this, { name, text, values });
      }
    }
    return clientQuery.call(this, ...args);
  }
}

// Called with the client as `this` (the overloads cannot be spelled as one signature).
// eslint-disable-next-line @typescript-eslint/unbound-method
const clientQuery = Client.prototype.query as unknown as (this: Client, ...args: unknown[]) => never;

function ignoreError(): void {
  // See the constructor of PreparingClient.
}
