import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ReviewBacklogMetrics } from '../../src/metrics/review-backlog.metrics';
import { ReviewBacklogRepository } from '../../src/metrics/review-backlog.repository';
import { REVIEW_SCHEMA, REVIEW_SERVICE_SCHEMA } from '../../src/migrations';

const HOUR = 3600;

/** The review backlog gauges against the real PostgreSQL: what a Prometheus scrape reads. */
describe('review backlog metrics', () => {
  const database = new ScratchDatabase('review_backlog');
  let dataSource: DataSource;
  let registry: Registry;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [REVIEW_SERVICE_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: REVIEW_SCHEMA, migrations: [] })).initialize();
    registry = new Registry();
    new ReviewBacklogMetrics(registry, new ReviewBacklogRepository(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  /** A task created `ageSeconds` ago by the database clock; decided ones carry their decision. */
  async function task(kind: 'held-field' | 'notice', state: 'open' | 'claimed' | 'released' | 'rejected', ageSeconds: number): Promise<void> {
    const decided = state === 'released' || state === 'rejected';
    await dataSource.query(
      `INSERT INTO review.tasks (id, kind, state, created_at, claimed_by, claimed_at, decided_at, decided_by)
       VALUES ($1, $2, $3, now() - make_interval(secs => $4), $5, $6, $7, $8)`,
      [randomUUID(), kind, state, ageSeconds, state === 'claimed' ? randomUUID() : null, state === 'claimed' ? new Date() : null, decided ? new Date() : null, decided ? randomUUID() : null],
    );
  }

  async function triage(state: 'open' | 'accepted', ageSeconds: number): Promise<void> {
    const decided = state === 'accepted';
    await dataSource.query(
      `INSERT INTO review.tasks (id, kind, state, created_at, decided_at, decided_by, submission_id, channel, submission_kind, received_at, sealed_content)
       VALUES ($1, 'triage', $2, now() - make_interval(secs => $3), $4, $5, $6, 'web-form', 'indicator', now(), '{}'::jsonb)`,
      [randomUUID(), state, ageSeconds, decided ? new Date() : null, decided ? randomUUID() : null, randomUUID()],
    );
  }

  /** The value of one sample of the scraped text, by metric name and kind. */
  function sample(text: string, name: string, kind: string): number | undefined {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{kind="${kind}"}`));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  it('reports every kind as 0 while the queue is empty', async () => {
    const text = await registry.metrics();
    for (const kind of ['held-field', 'triage', 'notice']) {
      expect(sample(text, 'ais_review_open_tasks', kind)).toBe(0);
      expect(sample(text, 'ais_review_oldest_open_task_age_seconds', kind)).toBe(0);
    }
  });

  it('counts open and claimed tasks per kind and ages the oldest, ignoring decided ones', async () => {
    await task('held-field', 'released', 10 * HOUR);
    await task('held-field', 'open', 2 * HOUR);
    await task('held-field', 'claimed', 3 * HOUR);
    await task('notice', 'open', 60);
    await task('notice', 'rejected', 20 * HOUR);
    await triage('accepted', 30 * HOUR);

    const text = await registry.metrics();

    expect(sample(text, 'ais_review_open_tasks', 'held-field')).toBe(2);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'held-field')).toBeGreaterThanOrEqual(3 * HOUR);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'held-field')).toBeLessThan(3 * HOUR + 120);
    expect(sample(text, 'ais_review_open_tasks', 'notice')).toBe(1);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'notice')).toBeGreaterThanOrEqual(60);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'notice')).toBeLessThan(180);
    expect(sample(text, 'ais_review_open_tasks', 'triage')).toBe(0);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'triage')).toBe(0);
  });

  it('drops a task from the backlog once it is decided', async () => {
    await triage('open', 5 * HOUR);
    expect(sample(await registry.metrics(), 'ais_review_open_tasks', 'triage')).toBe(1);

    await dataSource.query(`UPDATE review.tasks SET state = 'accepted', decided_at = now(), decided_by = $1 WHERE kind = 'triage' AND state = 'open'`, [randomUUID()]);

    const text = await registry.metrics();
    expect(sample(text, 'ais_review_open_tasks', 'triage')).toBe(0);
    expect(sample(text, 'ais_review_oldest_open_task_age_seconds', 'triage')).toBe(0);
  });

  it('answers the query from the partial index of undecided tasks', async () => {
    await dataSource.query(`ANALYZE review.tasks`);
    await dataSource.query(`SET enable_seqscan = off`);
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN SELECT kind, count(*), min(created_at) FROM review.tasks WHERE decided_at IS NULL GROUP BY kind`,
    );
    await dataSource.query(`RESET enable_seqscan`);
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('tasks_undecided_kind_created_at_idx');
  });
});
