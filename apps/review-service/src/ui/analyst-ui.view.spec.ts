import type { HeldFieldTaskView } from '../held-fields/held-fields.adapter';
import type { ReviewTask } from '../tasks/review-task';
import type { TriageTaskView } from '../triage/triage.adapter';
import { fieldDecisionsOf } from './analyst-decision-form';
import { CONTENT_SECURITY_POLICY, contextRows, escapeHtml, renderHeldFieldTask, renderQueue, renderSignIn, renderTriageTask, topLevelKey, type SignedIn } from './analyst-ui.view';

const ME: SignedIn = { principalId: '11111111-1111-4111-8111-111111111111', username: 'ana<lyst>', csrfToken: 'tok"en' };
const HOSTILE = `<script>alert("x")</script>&'`;

const task: ReviewTask = {
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'held-field',
  state: 'open',
  createdAt: '2026-11-29T06:00:00.000Z',
  claimedBy: null,
  claimedAt: null,
  decidedAt: null,
  decidedBy: null,
  triage: null,
};

const object = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--3f2a8c1e-0000-4000-8000-000000000001',
  name: 'Phishing sender',
  pattern: "[email-addr:value = 'billing@evil-invoices.biz']",
  external_references: [{ source_name: 'x' }],
};

function heldView(overrides: Partial<HeldFieldTaskView> = {}): HeldFieldTaskView {
  return {
    ...task,
    heldField: {
      submissionId: '33333333-3333-4333-8333-333333333333',
      objectId: object.id,
      objectType: 'indicator',
      objectVersion: '2026-11-29T05:59:00.000Z',
      heldAt: '2026-11-29T06:00:00.000Z',
      fields: [
        { path: 'description', detector: 'email', reason: 'victim address' },
        { path: 'external_references[0].description', detector: 'person-name', reason: 'a name' },
      ],
    },
    content: {
      object: object as never,
      values: [
        { path: 'description', detector: 'email', reason: 'victim address', value: `Mail to jane.doe@victim-corp.com ${HOSTILE}` },
        { path: 'external_references[0].description', detector: 'person-name', reason: 'a name', value: 'John Roe' },
      ],
    },
    contentStatus: 'available',
    history: [{ action: 'view', principalId: ME.principalId, at: '2026-11-29T06:01:00.000Z' }],
    ...overrides,
  };
}

describe('the analyst UI view', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(HOSTILE)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
  });

  it('places each held field right after the property it was withheld from, the rest at the end', () => {
    expect(topLevelKey('external_references[0].description')).toBe('external_references');
    expect(topLevelKey('additional_header_fields["X-Original-To"]')).toBe('additional_header_fields');
    const rows = contextRows(object, heldView().content!.values);
    expect(rows.map((r) => (r.kind === 'property' ? r.key : `held:${r.path}`))).toEqual([
      'type',
      'spec_version',
      'id',
      'name',
      'pattern',
      'external_references',
      'held:external_references[0].description',
      'held:description',
    ]);
  });

  it('shows the held value highlighted in its object, escaped, with the four decisions per field', () => {
    const html = renderHeldFieldTask(heldView(), ME);
    expect(html).not.toContain('<script');
    expect(html).toContain('<mark class="held-value">Mail to jane.doe@victim-corp.com &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;</mark>');
    expect(html).toContain('<tr class="held" id="held-0" data-path="description">');
    expect(html).toContain('data-path="external_references[0].description"');
    for (const outcome of ['released-no-pii', 'released-related', 'redacted', 'deleted']) {
      expect(html).toContain(`id="outcome-0-${outcome}"`);
      expect(html).toContain(`id="outcome-1-${outcome}"`);
    }
    // The redaction box starts with the value, escaped; the CSRF token and the user name too.
    expect(html).toContain('<textarea id="redacted-0" name="redacted-0" maxlength="65536">Mail to jane.doe@victim-corp.com &#60;script&#62;');
    expect(html).toContain('name="_csrf" value="tok&#34;en"');
    expect(html).toContain('ana&#60;lyst&#62;');
    expect(html).toContain(`&#39;billing@evil-invoices.biz&#39;`);
  });

  it('shows no decision form once the task is decided or its values are deleted', () => {
    expect(renderHeldFieldTask(heldView({ state: 'released', decidedBy: ME.principalId, decidedAt: '2026-11-29T07:00:00.000Z' }), ME)).not.toContain('decision-form');
    const deleted = renderHeldFieldTask(heldView({ state: 'deleted', content: null, contentStatus: 'deleted' }), ME);
    expect(deleted).toContain('id="content-deleted"');
    expect(deleted).not.toContain('jane.doe');
    expect(deleted).not.toContain('decision-form');
  });

  it('lists the queue with filters, the held paths, and claim / accept / reject where they apply', () => {
    const claimedTriage: ReviewTask = {
      ...task,
      id: '44444444-4444-4444-8444-444444444444',
      kind: 'triage',
      state: 'claimed',
      claimedBy: ME.principalId,
      claimedAt: '2026-11-29T06:05:00.000Z',
      triage: { submissionId: '44444444-4444-4444-8444-444444444444', channel: 'web-form', submissionKind: 'indicator', receivedAt: '2026-11-29T06:04:00.000Z' },
    };
    const html = renderQueue({
      user: ME,
      filter: { state: 'pending', kind: 'held-field' },
      tasks: [task, claimedTriage],
      heldFields: new Map([[task.id, { objectId: object.id, objectType: 'indicator', paths: [`<b>${HOSTILE}</b>`] }]]),
    });
    expect(html).toContain(`data-object-id="${object.id}"`);
    expect(html).toContain(`<code>&#60;b&#62;&#60;script&#62;`);
    expect(html).not.toContain('<b><script');
    expect(html).toContain(`action="/analyst/tasks/${task.id}/claim"`);
    expect(html).toContain(`action="/analyst/tasks/${claimedTriage.id}/accept"`);
    expect(html).toContain(`action="/analyst/tasks/${claimedTriage.id}/reject"`);
    expect(html).not.toContain(`action="/analyst/tasks/${claimedTriage.id}/claim"`);
    expect(html).toContain('<option value="held-field" selected>');
    expect(html).toContain('<option value="pending" selected>');
  });

  it('offers accept and reject only to the analyst who claimed a triage task', () => {
    const view: TriageTaskView = {
      ...task,
      kind: 'triage',
      state: 'claimed',
      claimedBy: '55555555-5555-4555-8555-555555555555',
      claimedAt: '2026-11-29T06:05:00.000Z',
      triage: { submissionId: task.id, channel: 'email', submissionKind: 'indicator', receivedAt: '2026-11-29T06:04:00.000Z' },
      content: { fields: { kind: 'indicator', description: HOSTILE } as never },
      contentStatus: 'available',
      history: [],
    };
    const others = renderTriageTask(view, ME);
    expect(others).not.toContain('/accept"');
    expect(others).not.toContain('<script');
    expect(renderTriageTask({ ...view, claimedBy: ME.principalId }, ME)).toContain(`action="/analyst/tasks/${task.id}/accept"`);
  });

  it('renders the sign-in form with its token and no script, under a policy that allows none', () => {
    const html = renderSignIn({ csrfToken: 'abc', problem: HOSTILE, username: HOSTILE });
    expect(html).not.toContain('<script');
    expect(html).toContain('name="_csrf" value="abc"');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('script-src');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });
});

describe('the decision form', () => {
  const paths = ['description', 'name'];

  it('turns the choices into one decision per held path, by position', () => {
    expect(fieldDecisionsOf({ 'outcome-0': 'redacted', 'redacted-0': 'edited', 'outcome-1': 'released-no-pii', 'redacted-1': 'ignored' }, paths)).toEqual([
      { path: 'description', outcome: 'redacted', redactedText: 'edited' },
      { path: 'name', outcome: 'released-no-pii' },
    ]);
  });

  it('leaves out a missing or unknown choice, so the decision is refused as incomplete', () => {
    expect(fieldDecisionsOf({ 'outcome-0': 'published-anyway', 'outcome-1': 'deleted', 'outcome-2': 'deleted' }, paths)).toEqual([{ path: 'name', outcome: 'deleted' }]);
    expect(fieldDecisionsOf({ 'outcome-0': 'redacted' }, paths)).toEqual([{ path: 'description', outcome: 'redacted', redactedText: '' }]);
  });
});
