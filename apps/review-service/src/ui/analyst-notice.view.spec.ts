import type { NoticeTaskView } from '../notices/notice-view.adapter';
import { objectFields } from '../notices/object-paths';
import { noticeDecisionOf } from './analyst-decision-form';
import { escapeHtml, renderNoticeTask, valuesByPath, type SignedIn } from './analyst-ui.view';

const ME: SignedIn = { principalId: '11111111-1111-4111-8111-111111111111', username: 'ana<lyst>', csrfToken: 'tok"en' };
const HOSTILE = `<script>alert("x")</script>&'`;
const NOTICE_ID = '44444444-4444-4444-8444-444444444444';

const published = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--3f2a8c1e-0000-4000-8000-000000000001',
  created: '2026-11-29T05:00:00.000Z',
  modified: '2026-11-29T05:00:00.000Z',
  pattern: "[email-addr:value = 'billing@evil-invoices.biz']",
  description: `Call Jane on 555-0100 ${HOSTILE}`,
  external_references: [{ source_name: 'ticket', [`x${HOSTILE}`]: 'opened by Jane' }],
};

/** The hostile key's path, as objectFields writes it. */
const HOSTILE_PATH = objectFields(published).find((f) => f.path.includes('<script>'))!.path;

function noticeView(overrides: Partial<NoticeTaskView> = {}): NoticeTaskView {
  return {
    id: NOTICE_ID,
    kind: 'notice',
    state: 'open',
    createdAt: '2026-11-29T06:00:00.000Z',
    claimedBy: null,
    claimedAt: null,
    decidedAt: null,
    decidedBy: null,
    triage: null,
    notice: {
      noticeId: NOTICE_ID,
      objectId: published.id,
      objectVersion: published.modified,
      federalEntity: `energy${HOSTILE}`,
      filedBy: '55555555-5555-4555-8555-555555555555',
      filedAt: '2026-11-29T06:00:00.000Z',
      paths: ['description', HOSTILE_PATH],
    },
    published: { version: published.modified, object: published, fields: objectFields(published) },
    namesLatestVersion: true,
    history: [{ action: 'view', principalId: ME.principalId, at: '2026-11-29T06:01:00.000Z' }],
    ...overrides,
  };
}

/** The page's text between tags, with entities decoded: what a reader sees. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');
}

describe('renderNoticeTask', () => {
  it('escapes every value, path and name from the notice and the object: no markup of theirs survives', () => {
    const html = renderNoticeTask(noticeView(), ME);
    expect(html).not.toContain('<script');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
    expect(html).not.toContain('ana<lyst>');
    expect(html).toContain('value="tok&#34;en"');
    // Still readable as text.
    expect(textOf(html)).toContain(`energy${HOSTILE}`);
  });

  it('shows what was filed and the latest version, with the named fields (and what lies inside them) highlighted', () => {
    const html = renderNoticeTask(noticeView(), ME);
    expect(html).toContain(`<code id="object-id">${published.id}</code>`);
    expect(html).toContain(`<code id="object-version">${published.modified}</code>`);
    expect(html).toMatch(/<ul id="named-paths"><li><code>description<\/code><\/li>/);
    const highlighted = [...html.matchAll(/<tr class="held named" data-path="([^"]*)"/g)].map((m) => m[1]);
    expect(highlighted).toEqual(['description', escapeHtml(HOSTILE_PATH)]);
    expect(HOSTILE_PATH).toContain('<script>');
    expect(html).toContain(`<mark class="named-value">Call Jane on 555-0100 &#60;script&#62;`);
    expect(html).toMatch(/<tr data-path="pattern"><th><code>pattern<\/code><\/th><td><pre>\[email-addr:value = &#39;billing@evil-invoices.biz&#39;\]<\/pre>/);
    expect(html).not.toContain('id="later-version"');
  });

  it('offers keep, remove and (for text under a name) redact per field, and a dismissal; the form reads back as the decision', () => {
    const view = noticeView();
    const html = renderNoticeTask(view, ME);
    expect(html).toContain('id="decision-form"');
    expect(html).toContain('id="dismiss-form"');
    const fields = view.published!.fields;
    fields.forEach((field, i) => {
      expect(html).toContain(`id="action-${i}-remove"`);
      expect(html.includes(`id="action-${i}-redact"`)).toBe(field.redactable);
    });
    const description = fields.findIndex((f) => f.path === 'description');
    const references = fields.findIndex((f) => f.path === 'external_references');
    // What the browser sends back: every field's path, the analyst's choices.
    const body: Record<string, string> = { outcome: 'correct' };
    fields.forEach((field, i) => {
      body[`field-${i}`] = field.path;
      body[`action-${i}`] = 'keep';
    });
    body[`action-${description}`] = 'redact';
    body[`text-${description}`] = 'Call the finance team';
    body[`action-${references}`] = 'remove';
    expect(noticeDecisionOf(body)).toEqual({ outcome: 'correct', remove: ['external_references'], redact: [{ path: 'description', text: 'Call the finance team' }] });
    expect(noticeDecisionOf({ ...body, outcome: 'dismiss' })).toEqual({ outcome: 'dismiss', remove: [], redact: [] });
  });

  it('says when the notice names an older version, and offers only a dismissal when no version is known', () => {
    expect(renderNoticeTask(noticeView({ namesLatestVersion: false, published: { version: '2026-11-29T07:00:00.000Z', object: published, fields: objectFields(published) } }), ME)).toContain(
      'id="later-version"',
    );
    const unknown = renderNoticeTask(noticeView({ published: null }), ME);
    expect(unknown).toContain('id="not-published"');
    expect(unknown).not.toContain('id="decision-form"');
    expect(unknown).toContain('id="dismiss-form"');
  });

  it('shows a decided notice without forms', () => {
    const html = renderNoticeTask(noticeView({ state: 'deleted', decidedBy: ME.principalId, decidedAt: '2026-11-29T06:05:00.000Z' }), ME);
    expect(html).not.toContain('<form method="post" action="/analyst/tasks/');
    expect(html).toContain('<strong id="task-state">deleted</strong>');
  });
});

describe('valuesByPath', () => {
  it('has a value for every field objectFields lists', () => {
    const values = valuesByPath(published);
    expect(objectFields(published).filter((f) => !values.has(f.path))).toEqual([]);
    expect(values.get('external_references[0].source_name')).toBe('ticket');
  });
});
