import { classificationOf, METRIC_DEFINITIONS, type AuditMetric, type ClassificationSummary, type DayCount } from '../counts/daily-counts.decider';

/** What the auditor dashboard shows; built from the projections, rendered without any script. */
export interface DashboardModel {
  readonly generatedAt: string;
  readonly counts: readonly DayCount[];
  readonly entities: readonly EntityBars[];
  readonly usage: { readonly entries: number; readonly headHash: string };
}

export interface EntityBars {
  readonly entity: string;
  readonly sharedWith: boolean;
  readonly objectsServed: number;
  readonly reads: number;
  readonly committedOffset: number;
  readonly lag: number;
}

/** The series of the counts-over-time chart: metric → summed over its dimensions per day. */
export const TIME_SERIES: readonly { readonly metric: AuditMetric; readonly label: string; readonly color: string }[] = [
  { metric: 'received', label: 'Submissions received', color: '#1f77b4' },
  { metric: 'published', label: 'Object versions published', color: '#2ca02c' },
  { metric: 'personal-information-removed', label: 'Personal information removed', color: '#d62728' },
  { metric: 'rejected', label: 'Submissions rejected', color: '#ff7f0e' },
  { metric: 'federal-objects-served', label: 'Served to federal entities', color: '#9467bd' },
];

const MAX_DAYS = 62;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values are escaped: dimensions come from the log. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** The days from the first to the last with a count (the last {@link MAX_DAYS} at most), in order. */
export function dayAxis(counts: readonly DayCount[]): string[] {
  const present = [...new Set(counts.map((c) => c.day))].sort();
  if (present.length === 0) {
    return [];
  }
  const last = new Date(`${present[present.length - 1]!}T00:00:00Z`);
  const first = new Date(`${present[0]!}T00:00:00Z`);
  const days: string[] = [];
  for (let day = new Date(last); day >= first && days.length < MAX_DAYS; day.setUTCDate(day.getUTCDate() - 1)) {
    days.unshift(day.toISOString().slice(0, 10));
  }
  return days;
}

/** Per series, the day's value summed over dimensions. */
export function seriesValues(counts: readonly DayCount[], days: readonly string[]): Map<AuditMetric, number[]> {
  const index = new Map(days.map((day, i) => [day, i]));
  const values = new Map<AuditMetric, number[]>(TIME_SERIES.map((s) => [s.metric, days.map(() => 0)]));
  for (const count of counts) {
    const row = values.get(count.metric as AuditMetric);
    const i = index.get(count.day);
    if (row !== undefined && i !== undefined) {
      row[i]! += count.value;
    }
  }
  return values;
}

/** A round upper bound for an axis: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

function countsChart(counts: readonly DayCount[]): string {
  const days = dayAxis(counts);
  if (days.length === 0) {
    return '<p class="empty" id="counts-over-time-empty">No counts yet.</p>';
  }
  const values = seriesValues(counts, days);
  const width = 960;
  const height = 320;
  const left = 56;
  const bottom = 48;
  const top = 16;
  const plotWidth = width - left - 16;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(...[...values.values()].flat()));
  const group = plotWidth / days.length;
  const barWidth = Math.max((group * 0.8) / TIME_SERIES.length, 1);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, max / 4, max / 2, (3 * max) / 4, max]) {
    parts.push(`<line x1="${left}" x2="${width - 16}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" class="tick">${escapeHtml(Number.isInteger(tick) ? tick : tick.toFixed(1))}</text>`);
  }
  const labelEvery = Math.ceil(days.length / 12);
  days.forEach((day, i) => {
    const x0 = left + i * group + group * 0.1;
    TIME_SERIES.forEach((series, s) => {
      const value = values.get(series.metric)![i]!;
      const h = (value / max) * plotHeight;
      const x = x0 + s * barWidth;
      parts.push(
        `<rect class="bar" data-series="${series.metric}" data-day="${day}" data-value="${value}" x="${x.toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${series.color}"><title>${escapeHtml(`${series.label}, ${day}: ${value}`)}</title></rect>`,
      );
      if (days.length <= 14 && value > 0) {
        parts.push(`<text class="value" x="${(x + barWidth / 2).toFixed(1)}" y="${(top + plotHeight - h - 3).toFixed(1)}" text-anchor="middle">${value}</text>`);
      }
    });
    if (i % labelEvery === 0) {
      parts.push(`<text class="tick" x="${(left + i * group + group / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${day}</text>`);
    }
  });
  // Legend entries side by side, each as wide as its label (about 6 px a character at 11 px).
  let legendX = left;
  const legend = TIME_SERIES.map((series) => {
    const entry = `<g transform="translate(${legendX},${height - 14})"><rect width="10" height="10" y="-9" fill="${series.color}"/><text x="14" class="legend">${escapeHtml(series.label)}</text></g>`;
    legendX += 28 + series.label.length * 5.6;
    return entry;
  });
  return `<svg id="counts-over-time" role="img" aria-label="Counts over time" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}${legend.join('')}</svg>`;
}

function entityChart(entities: readonly EntityBars[]): string {
  const width = 960;
  const row = 40;
  const left = 250;
  const height = entities.length * row + 40;
  const plotWidth = width - left - 130;
  const max = niceMax(Math.max(0, ...entities.flatMap((e) => [e.objectsServed, e.committedOffset])));
  const bars = entities.map((entity, i) => {
    const y = 8 + i * row;
    const served = (entity.objectsServed / max) * plotWidth;
    const consumed = (entity.committedOffset / max) * plotWidth;
    return [
      `<text class="entity" x="${left - 8}" y="${y + 18}" text-anchor="end">${escapeHtml(entity.entity)}${entity.sharedWith ? '' : ' (not shared)'}</text>`,
      `<rect class="bar" data-entity="${escapeHtml(entity.entity)}" data-series="taxii-objects-served" data-value="${entity.objectsServed}" x="${left}" y="${y}" width="${served.toFixed(1)}" height="14" fill="#9467bd"><title>${escapeHtml(`${entity.entity}: ${entity.objectsServed} objects served over TAXII in ${entity.reads} reads`)}</title></rect>`,
      `<text class="value" x="${(left + served + 4).toFixed(1)}" y="${y + 11}">${entity.objectsServed}</text>`,
      `<rect class="bar" data-entity="${escapeHtml(entity.entity)}" data-series="kafka-committed-offset" data-value="${entity.committedOffset}" x="${left}" y="${y + 16}" width="${consumed.toFixed(1)}" height="14" fill="#17becf"><title>${escapeHtml(`${entity.entity}: Kafka committed offset ${entity.committedOffset}, lag ${entity.lag}`)}</title></rect>`,
      `<text class="value" x="${(left + consumed + 4).toFixed(1)}" y="${y + 27}">${entity.committedOffset}${entity.lag > 0 ? ` (lag ${entity.lag})` : ''}</text>`,
    ].join('');
  });
  const legend = `<g transform="translate(${left},${height - 10})"><rect width="10" height="10" y="-9" fill="#9467bd"/><text x="14" class="legend">Objects served over TAXII</text><rect x="220" width="10" height="10" y="-9" fill="#17becf"/><text x="234" class="legend">Kafka committed offset on the output topic</text></g>`;
  return `<svg id="entity-deliveries" role="img" aria-label="Deliveries per federal entity" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars.join('')}${legend}</svg>`;
}

function totalsTable(counts: readonly DayCount[]): string {
  const totals = new Map<string, number>();
  for (const { metric, dimension, value } of counts) {
    const key = `${metric}\u0000${dimension}`;
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  const rows = [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => {
      const [metric = '', dimension = ''] = key.split('\u0000');
      const definition = METRIC_DEFINITIONS[metric as AuditMetric];
      return `<tr data-metric="${escapeHtml(metric)}" data-dimension="${escapeHtml(dimension)}"><td title="${escapeHtml(definition?.counts ?? '')}">${escapeHtml(metric)}</td><td>${escapeHtml(dimension)}</td><td class="num">${value}</td></tr>`;
    });
  return `<table id="totals"><thead><tr><th>Metric</th><th>Dimension</th><th class="num">Total</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function ratioText(summary: ClassificationSummary): string {
  return summary.ratio === null ? 'n/a' : `${(summary.ratio * 100).toFixed(1)} %`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#222;background:#fafafa}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px} .muted{color:#666;font-size:13px}
.cards{display:flex;gap:12px;flex-wrap:wrap} .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:160px}
.card .n{font-size:24px;font-weight:600} .card .l{font-size:12px;color:#555}
svg{background:#fff;border:1px solid #ddd;border-radius:6px;max-width:100%;height:auto}
.grid{stroke:#eee} .tick,.legend,.value,.entity{font-size:11px;fill:#444} .entity{font-size:12px}
table{border-collapse:collapse;background:#fff;font-size:13px} td,th{border:1px solid #ddd;padding:3px 8px;text-align:left} .num{text-align:right}
code{font-size:12px}`;

/** The whole page: cards, two inline SVG charts, the totals table. No script, no external resource. */
export function renderDashboard(model: DashboardModel): string {
  const sum = (metric: AuditMetric) => model.counts.filter((c) => c.metric === metric).reduce((total, c) => total + c.value, 0);
  const classificationTotals: Record<string, number> = {};
  for (const c of model.counts.filter((count) => count.metric === 'classification')) {
    classificationTotals[c.dimension] = (classificationTotals[c.dimension] ?? 0) + c.value;
  }
  const classification = classificationOf(classificationTotals);
  const shared = model.entities.filter((e) => e.sharedWith).map((e) => e.entity);
  const card = (id: string, value: string | number, label: string) =>
    `<div class="card" id="${id}"><div class="n">${escapeHtml(value)}</div><div class="l">${escapeHtml(label)}</div></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>AIS Exchange — audit (§4.1, §4.2)</title><style>${STYLE}</style></head>
<body>
<h1>AIS Exchange audit</h1>
<p class="muted">Counts projected from the event log (§4.1), by UTC day. Generated ${escapeHtml(model.generatedAt)}.</p>
<div class="cards">
${card('card-received', sum('received'), 'submissions received')}
${card('card-published', sum('published'), 'object versions published')}
${card('card-pi-removed', sum('personal-information-removed'), 'objects with personal information removed')}
${card('card-notices', sum('notices-issued'), 'notices for a failure to remove it')}
${card('card-classified', ratioText(classification), `properly classified (${classification.valid + classification.validAfterPruning} of ${classification.assessed})`)}
${card('card-rejected', sum('rejected'), 'submissions rejected')}
${card('card-usage', model.usage.entries, 'usage-log entries')}
</div>
<h2>Counts over time</h2>
${countsChart(model.counts)}
<h2>Deliveries per federal entity</h2>
<p class="muted" id="shared-with">Shared with: ${shared.length === 0 ? 'none yet' : escapeHtml(shared.join(', '))}.</p>
${entityChart(model.entities)}
<h2>Totals</h2>
${totalsTable(model.counts)}
<p class="muted">Usage log head: <code id="usage-head">${escapeHtml(model.usage.headHash)}</code>. JSON and CSV: <code>/audit/counts</code>, <code>/audit/classification</code>, <code>/audit/federal-entities</code>, <code>/audit/usage</code>.</p>
</body></html>
`;
}
