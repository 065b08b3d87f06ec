import { dayAxis, escapeHtml, niceMax, renderDashboard, seriesValues } from './dashboard.view';

const counts = [
  { day: '2025-03-01', metric: 'received', dimension: 'taxii', value: 3 },
  { day: '2025-03-01', metric: 'received', dimension: 'email', value: 1 },
  { day: '2025-03-03', metric: 'published', dimension: 'indicator', value: 5 },
  { day: '2025-03-03', metric: 'classification', dimension: 'valid', value: 3 },
  { day: '2025-03-03', metric: 'classification', dimension: 'missing', value: 1 },
  { day: '2025-03-03', metric: 'prohibited-field-removed', dimension: '<script>alert(1)</script>', value: 1 },
];

describe('the dashboard view', () => {
  it('lays out every day from the first to the last count', () => {
    expect(dayAxis(counts)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    expect(dayAxis([])).toEqual([]);
  });

  it('sums each series over its dimensions per day', () => {
    const values = seriesValues(counts, dayAxis(counts));
    expect(values.get('received')).toEqual([4, 0, 0]);
    expect(values.get('published')).toEqual([0, 0, 5]);
  });

  it('rounds axis maxima up to 1, 2 or 5 × 10^n', () => {
    expect([niceMax(0), niceMax(4), niceMax(7), niceMax(12), niceMax(250)]).toEqual([1, 5, 10, 20, 500]);
  });

  it('renders bars with their numbers, the ratio, and escapes every text from the log', () => {
    const html = renderDashboard({
      generatedAt: '2025-03-04T00:00:00.000Z',
      counts,
      entities: [{ entity: 'energy', sharedWith: true, objectsServed: 7, reads: 2, committedOffset: 12, lag: 0 }],
      usage: { entries: 9, headHash: 'ab'.repeat(32) },
    });
    expect(html).toContain('data-series="received" data-day="2025-03-01" data-value="4"');
    expect(html).toContain('data-entity="energy" data-series="taxii-objects-served" data-value="7"');
    expect(html).toContain('75.0 %');
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).not.toMatch(/https?:\/\//);
  });
});
