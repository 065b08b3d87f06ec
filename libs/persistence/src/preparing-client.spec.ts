import { preparedStatementName } from './preparing-client';

describe('preparedStatementName', () => {
  it('names a text the same way every time, and different texts differently, within 63 bytes', () => {
    const first = preparedStatementName('SELECT 1 WHERE $1::int > 0');
    expect(first).toMatch(/^ais_[0-9a-f]{40}$/);
    expect(first!.length).toBeLessThanOrEqual(63);
    expect(preparedStatementName('SELECT 1 WHERE $1::int > 0')).toBe(first);
    expect(preparedStatementName('SELECT 2 WHERE $1::int > 0')).not.toBe(first);
  });

  it('leaves set-wise statements (over unnest or = ANY of an array) unnamed, to be planned for the tables as they are', () => {
    expect(preparedStatementName('SELECT a.id FROM t a JOIN unnest($1::text[]) AS k(id) ON a.id = k.id')).toBeNull();
    expect(preparedStatementName('INSERT INTO t SELECT * FROM UNNEST ($1::text[])')).toBeNull();
    expect(preparedStatementName('SELECT id FROM t WHERE id = ANY($1::uuid[]) FOR UPDATE')).toBeNull();
    expect(preparedStatementName('DELETE FROM t WHERE id = any ($1)')).toBeNull();
    expect(preparedStatementName('SELECT id FROM t WHERE id = $1')).toMatch(/^ais_/);
  });

  it('stops naming new texts after 1,000, and keeps the names it gave', () => {
    const named = Array.from({ length: 1_200 }, (_, i) => preparedStatementName(`SELECT ${i} + $1::int`));
    const known = preparedStatementName('SELECT 1 WHERE $1::int > 0');

    expect(named.filter((name) => name !== null).length).toBeLessThan(1_000);
    expect(named.at(-1)).toBeNull();
    expect(known).toMatch(/^ais_/);
  });
});
