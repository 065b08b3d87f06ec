import { FIELD_OUTCOMES, type FieldOutcome } from '@ais/contracts';
import { formatPath } from '@ais/pii';
import { createHash } from 'node:crypto';
import type { HeldFieldTaskView } from '../held-fields/held-fields.adapter';
import type { NoticeTaskView } from '../notices/notice-view.adapter';
import { isWithin, type ObjectField } from '../notices/object-paths';
import type { ReviewTask, TaskKind, TaskState } from '../tasks/review-task';
import { TASK_KINDS, TASK_STATES } from '../tasks/review-task';
import type { TriageTaskView } from '../triage/triage.adapter';
import { CSRF_FIELD } from './analyst-session';
import type { HeldFieldQueueEntry } from './held-field-queue.repository';

/**
 * The analyst UI as plain server-rendered HTML: no script, native forms, one hashed stylesheet.
 * Held values are personal data: every value that reaches a page passes `escapeHtml`, and none is
 * put into an attribute other than a textarea's content or a form value the analyst edits.
 */

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.45;color:#0b0c0c;margin:0;background:#f6f6f6}
header{background:#0b0c0c;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header a{color:#fff}header form{margin:0}header .who{margin-right:.75rem}
main{max-width:78rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;background:#fff;width:100%}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
pre{margin:0;white-space:pre-wrap;word-break:break-word}
tr.held td,tr.held th{background:#fff4c2;border-left:4px solid #d4351c}
mark{background:#ffdd57;padding:0 .15rem}
.muted{color:#505a5f}.notice{border-left:5px solid #00703c;background:#fff;padding:.5rem 1rem}.problem{border-left:5px solid #d4351c;background:#fff;padding:.5rem 1rem}
fieldset{border:1px solid #ccc;background:#fff;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:700}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
label{font-weight:600}.choice label{font-weight:400}
input[type=text],input[type=password],select,textarea{font:inherit;padding:.3rem;border:2px solid #0b0c0c;box-sizing:border-box}
textarea{width:100%;min-height:5rem}
button{font:inherit;font-weight:700;background:#00703c;color:#fff;border:0;padding:.4rem .9rem;cursor:pointer}
button.secondary{background:#505a5f}button.danger{background:#d4351c}
.inline{display:inline}.filters{display:flex;gap:1rem;align-items:flex-end;flex-wrap:wrap;margin-bottom:1rem}
.signin{max-width:24rem;background:#fff;padding:1rem;border:1px solid #ccc}.signin p{margin:.5rem 0}.signin input{width:100%}
:focus{outline:3px solid #fd0;outline-offset:0}
.visually-hidden{position:absolute;left:-999rem}
`;

/** No script at all, only this stylesheet, forms post only to the service itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Who is signed in, as the pages show them, and the token their forms carry. */
export interface SignedIn {
  readonly principalId: string;
  readonly username: string;
  readonly csrfToken: string;
}

function page(title: string, body: string, user: SignedIn | null): string {
  const nav =
    user === null
      ? ''
      : `<nav><a href="/analyst/tasks">Queue</a></nav><div><span class="who" id="signed-in-as">${escapeHtml(user.username)}</span><form class="inline" method="post" action="/analyst/sign-out">${csrf(user)}<button class="secondary" type="submit" id="sign-out">Sign out</button></form></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — AIS Exchange analyst</title><style>${STYLE}</style></head>
<body><header><strong>AIS Exchange — analyst review</strong>${nav}</header>
<main>${body}</main></body></html>
`;
}

function csrf(user: SignedIn): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(user.csrfToken)}">`;
}

export function renderSignIn(model: { readonly csrfToken: string; readonly problem?: string; readonly username?: string }): string {
  const problem = model.problem === undefined ? '' : `<p class="problem" id="sign-in-problem" role="alert">${escapeHtml(model.problem)}</p>`;
  return page(
    'Sign in',
    `<h1>Sign in</h1>${problem}
<form class="signin" method="post" action="/analyst/sign-in">
<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(model.csrfToken)}">
<p><label for="username">User name</label><input type="text" id="username" name="username" autocomplete="username" required value="${escapeHtml(model.username ?? '')}"></p>
<p><label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required></p>
<p><button type="submit" id="sign-in">Sign in</button></p>
</form>`,
    null,
  );
}

export function renderMessage(title: string, text: string, user: SignedIn | null, back?: { readonly href: string; readonly label: string }): string {
  const link = back === undefined ? '' : `<p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p>`;
  return page(title, `<h1 id="message-title">${escapeHtml(title)}</h1><p id="message-text">${escapeHtml(text)}</p>${link}`, user);
}

/** The queue filter: `pending` (open or claimed, the default), any single state, or `any`. */
export type StateFilter = TaskState | 'pending' | 'any';
export const STATE_FILTERS: readonly StateFilter[] = ['pending', ...TASK_STATES, 'any'];

export interface QueueModel {
  readonly user: SignedIn;
  readonly filter: QueueFilter;
  readonly tasks: readonly ReviewTask[];
  /** Per held-field task: its object and the held paths. */
  readonly heldFields: ReadonlyMap<string, HeldFieldQueueEntry>;
  readonly notice?: string;
}

const KIND_LABELS: Readonly<Record<TaskKind, string>> = { 'held-field': 'Held field', triage: 'Triage', notice: 'Notice' };

function claimedText(task: ReviewTask, user: SignedIn): string {
  if (task.claimedBy === null) {
    return '';
  }
  return task.claimedBy === user.principalId ? 'you' : escapeHtml(task.claimedBy);
}

/** The queue's filter, carried by its forms so the queue comes back the same after an action. */
export type QueueFilter = { readonly state: StateFilter; readonly kind: TaskKind | null };

function backTo(filter: QueueFilter | null): string {
  return filter === null ? '' : `<input type="hidden" name="back-state" value="${filter.state}"><input type="hidden" name="back-kind" value="${filter.kind ?? ''}">`;
}

function claimForm(task: ReviewTask, user: SignedIn, filter: QueueFilter | null): string {
  return `<form class="inline" method="post" action="/analyst/tasks/${escapeHtml(task.id)}/claim">${csrf(user)}${filter === null ? '<input type="hidden" name="return" value="task">' : backTo(filter)}<button type="submit" class="secondary claim">Claim</button></form>`;
}

/** Accept, or reject with a reason: for a triage task the analyst has claimed. */
function triageDecisionForms(task: ReviewTask, user: SignedIn, filter: QueueFilter | null): string {
  return `<form class="inline" method="post" action="/analyst/tasks/${escapeHtml(task.id)}/accept">${csrf(user)}${backTo(filter)}<button type="submit" class="accept">Accept</button></form>
<form class="inline" method="post" action="/analyst/tasks/${escapeHtml(task.id)}/reject">${csrf(user)}${backTo(filter)}<label class="visually-hidden" for="reason-${escapeHtml(task.id)}">Reason</label><input type="text" id="reason-${escapeHtml(task.id)}" name="reason" maxlength="500" required placeholder="Reason for rejecting"><button type="submit" class="danger reject">Reject</button></form>`;
}

function actionsFor(task: ReviewTask, user: SignedIn, filter: QueueFilter): string {
  const parts: string[] = [];
  if (task.state === 'open' && task.kind !== 'notice') {
    parts.push(claimForm(task, user, filter));
  }
  if (task.kind === 'triage' && task.state === 'claimed' && task.claimedBy === user.principalId) {
    parts.push(triageDecisionForms(task, user, filter));
  }
  return parts.join(' ');
}

export function renderQueue(model: QueueModel): string {
  const { user, filter } = model;
  const stateOptions = STATE_FILTERS.map((s) => `<option value="${s}"${s === filter.state ? ' selected' : ''}>${s}</option>`).join('');
  const kindOptions = [`<option value=""${filter.kind === null ? ' selected' : ''}>any</option>`, ...TASK_KINDS.map((k) => `<option value="${k}"${k === filter.kind ? ' selected' : ''}>${KIND_LABELS[k]}</option>`)].join('');
  const rows = model.tasks.map((task) => {
    const held = model.heldFields.get(task.id);
    const about =
      task.triage !== null
        ? `${escapeHtml(task.triage.channel)}, ${escapeHtml(task.triage.submissionKind)}, received ${escapeHtml(task.triage.receivedAt)}`
        : held !== undefined
          ? `<code>${escapeHtml(held.objectId)}</code>: ${held.paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}`
          : '';
    const objectAttribute = held === undefined ? '' : ` data-object-id="${escapeHtml(held.objectId)}"`;
    return `<tr data-task-id="${escapeHtml(task.id)}" data-kind="${task.kind}" data-state="${task.state}"${objectAttribute}>
<td><a class="open-task" href="/analyst/tasks/${escapeHtml(task.id)}">${escapeHtml(task.id)}</a></td><td>${KIND_LABELS[task.kind]}</td><td class="state">${escapeHtml(task.state)}</td>
<td>${escapeHtml(task.createdAt)}</td><td class="claimed-by">${claimedText(task, user)}</td><td>${about}</td><td>${actionsFor(task, user, filter)}</td></tr>`;
  });
  const notice = model.notice === undefined ? '' : `<p class="notice" id="notice" role="status">${escapeHtml(model.notice)}</p>`;
  return page(
    'Queue',
    `<h1>Review queue</h1>${notice}
<form class="filters" method="get" action="/analyst/tasks">
<p><label for="filter-state">State</label><br><select id="filter-state" name="state">${stateOptions}</select></p>
<p><label for="filter-kind">Kind</label><br><select id="filter-kind" name="kind">${kindOptions}</select></p>
<p><button type="submit" class="secondary" id="apply-filter">Filter</button></p>
</form>
<p class="muted" id="task-count">${model.tasks.length} task${model.tasks.length === 1 ? '' : 's'}, oldest first. Held fields: values withheld by screening (§2.3.2.2). Triage: web-form and e-mail submissions to accept or reject (§3.2).</p>
<table id="tasks"><thead><tr><th>Task</th><th>Kind</th><th>State</th><th>Created</th><th>Claimed by</th><th>About</th><th>Actions</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`,
    user,
  );
}

/** A held value or a property as the page shows it: strings as they are, anything else as JSON. */
export function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}

/** The property of the object a held path sits under: `external_references[0].description` → `external_references`. */
export function topLevelKey(path: string): string {
  const match = /^[^.[]+/.exec(path);
  return match === null ? path : match[0];
}

export type ContextRow =
  | { readonly kind: 'property'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'held'; readonly index: number; readonly path: string; readonly detector: string; readonly reason: string; readonly value: unknown };

/**
 * The object as published, property by property, with each held field placed right after the
 * property it was withheld from (or at the end when pii-filter removed the whole property).
 */
export function contextRows(object: Readonly<Record<string, unknown>>, held: readonly { path: string; detector: string; reason: string; value: unknown }[]): ContextRow[] {
  const heldRows = held.map((field, index) => ({ kind: 'held' as const, index, path: field.path, detector: field.detector, reason: field.reason, value: field.value }));
  const rows: ContextRow[] = [];
  const placed = new Set<number>();
  for (const [key, value] of Object.entries(object)) {
    rows.push({ kind: 'property', key, value });
    for (const row of heldRows) {
      if (topLevelKey(row.path) === key) {
        rows.push(row);
        placed.add(row.index);
      }
    }
  }
  return [...rows, ...heldRows.filter((row) => !placed.has(row.index))];
}

const OUTCOME_LABELS: Readonly<Record<FieldOutcome, string>> = {
  'released-no-pii': 'Release — no personal information',
  'released-related': 'Release — personal information directly related to the threat',
  redacted: 'Redact — publish the edited text below',
  deleted: 'Delete — never publish',
};

function decisionFieldset(index: number, path: string, value: unknown): string {
  const choices = FIELD_OUTCOMES.map(
    (outcome) =>
      `<div class="choice"><input type="radio" id="outcome-${index}-${outcome}" name="outcome-${index}" value="${outcome}" required><label for="outcome-${index}-${outcome}">${OUTCOME_LABELS[outcome]}</label></div>`,
  ).join('');
  return `<fieldset class="decision" data-path="${escapeHtml(path)}"><legend>Decision for <code>${escapeHtml(path)}</code></legend>${choices}
<label for="redacted-${index}">Redacted text (for “Redact”)</label><textarea id="redacted-${index}" name="redacted-${index}" maxlength="65536">${escapeHtml(displayValue(value))}</textarea></fieldset>`;
}

function history(records: readonly { action: string; principalId: string; at: string }[], user: SignedIn): string {
  const rows = records.map((r) => `<tr><td>${escapeHtml(r.at)}</td><td>${escapeHtml(r.action)}</td><td>${r.principalId === user.principalId ? 'you' : escapeHtml(r.principalId)}</td></tr>`);
  return `<h2>History</h2><table id="history"><thead><tr><th>When</th><th>Action</th><th>Who</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function taskHeader(task: ReviewTask, user: SignedIn, notice: string | undefined): string {
  const claim = task.state === 'open' && task.kind !== 'notice' ? ` ${claimForm(task, user, null)}` : '';
  const claimed = task.claimedBy === null ? '' : ` · claimed by ${claimedText(task, user)}`;
  const decided = task.decidedBy === null ? '' : ` · decided by ${task.decidedBy === user.principalId ? 'you' : escapeHtml(task.decidedBy)} at ${escapeHtml(task.decidedAt ?? '')}`;
  const shown = notice === undefined ? '' : `<p class="notice" id="notice" role="status">${escapeHtml(notice)}</p>`;
  return `${shown}<p><a href="/analyst/tasks">← Queue</a></p>
<p>Task <code id="task-id">${escapeHtml(task.id)}</code> · state <strong id="task-state">${escapeHtml(task.state)}</strong>${claimed}${decided}${claim}</p>`;
}

/** A held-field task: the object as published with each held field highlighted in place, and the decision form. */
export function renderHeldFieldTask(view: HeldFieldTaskView, user: SignedIn, notice?: string): string {
  const summary = view.heldField;
  const head = `<h1>Held fields of <code id="object-id">${escapeHtml(summary.objectId)}</code></h1>
${taskHeader(view, user, notice)}
<p class="muted">Version <code id="object-version">${escapeHtml(summary.objectVersion)}</code> was published without the fields below; submission <code>${escapeHtml(summary.submissionId)}</code>, held ${escapeHtml(summary.heldAt)}.</p>`;
  if (view.content === null) {
    const paths = summary.fields.map((f) => `<li><code>${escapeHtml(f.path)}</code> (${escapeHtml(f.detector)}: ${escapeHtml(f.reason)})</li>`).join('');
    return page('Held fields', `${head}<p class="notice" id="content-deleted">The held values are deleted (their key is destroyed).</p><ul id="held-paths">${paths}</ul>${history(view.history, user)}`, user);
  }
  const rows = contextRows(view.content.object as Record<string, unknown>, view.content.values).map((row) =>
    row.kind === 'property'
      ? `<tr><th><code>${escapeHtml(row.key)}</code></th><td><pre>${escapeHtml(displayValue(row.value))}</pre></td></tr>`
      : `<tr class="held" id="held-${row.index}" data-path="${escapeHtml(row.path)}"><th><code>${escapeHtml(row.path)}</code><br><span class="muted">withheld: ${escapeHtml(row.detector)} — ${escapeHtml(row.reason)}</span></th><td><pre><mark class="held-value">${escapeHtml(displayValue(row.value))}</mark></pre></td></tr>`,
  );
  const decidable = view.state === 'open' || view.state === 'claimed';
  const form = decidable
    ? `<h2>Decision</h2><form method="post" action="/analyst/tasks/${escapeHtml(view.id)}/decision" id="decision-form">${csrf(user)}
${view.content.values.map((v, i) => decisionFieldset(i, v.path, v.value)).join('')}
<button type="submit" id="record-decision">Record decision</button></form>`
    : '';
  return page(
    'Held fields',
    `${head}<h2>The object, with the held fields in place</h2>
<table id="object-context"><thead><tr><th>Property</th><th>Value</th></tr></thead><tbody>${rows.join('')}</tbody></table>
${form}${history(view.history, user)}`,
    user,
  );
}

/** A triage task: the submission as entered, claim, then accept or reject. */
export function renderTriageTask(view: TriageTaskView, user: SignedIn, notice?: string): string {
  const fields =
    view.content === null
      ? '<p class="notice" id="content-deleted">The submission content is deleted (its key is destroyed).</p>'
      : `<table id="submission-fields"><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>${Object.entries(view.content.fields)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `<tr><th><code>${escapeHtml(key)}</code></th><td><pre>${escapeHtml(displayValue(value))}</pre></td></tr>`)
          .join('')}</tbody></table>`;
  const decide = view.state === 'claimed' && view.claimedBy === user.principalId ? `<h2>Decision</h2><p>${triageDecisionForms(view, user, null)}</p>` : '';
  const about = view.triage === null ? '' : `<p class="muted">${escapeHtml(view.triage.channel)} submission (${escapeHtml(view.triage.submissionKind)}), received ${escapeHtml(view.triage.receivedAt)}.</p>`;
  return page('Triage', `<h1>Triage: manual submission</h1>${taskHeader(view, user, notice)}${about}${fields}${decide}${history(view.history, user)}`, user);
}

/** Every value of an object by its path, written as `objectFields` writes paths (for showing them beside the fields). */
export function valuesByPath(object: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const walk = (value: unknown, segments: (string | number)[]): void => {
    if (segments.length > 0) {
      values.set(formatPath(segments), value);
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...segments, i]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        walk(item, [...segments, key]);
      }
    }
  };
  walk(object, []);
  return values;
}

/** Whether a field is one the notice names, or lies inside one. */
function named(path: string, paths: readonly string[]): boolean {
  return paths.some((p) => isWithin(path, p));
}

function noticeFieldRow(index: number, field: ObjectField, value: unknown, highlighted: boolean, decidable: boolean): string {
  const leaf = typeof value !== 'object' || value === null;
  const shown = leaf ? `<pre>${highlighted ? `<mark class="named-value">${escapeHtml(displayValue(value))}</mark>` : escapeHtml(displayValue(value))}</pre>` : '<span class="muted">(contains the fields below)</span>';
  const id = `field-${index}`;
  const choices = decidable
    ? `<input type="hidden" name="${id}" value="${escapeHtml(field.path)}">
<div class="choice"><input type="radio" id="action-${index}-keep" name="action-${index}" value="keep" checked><label for="action-${index}-keep">Keep</label></div>
<div class="choice"><input type="radio" id="action-${index}-remove" name="action-${index}" value="remove"><label for="action-${index}-remove">Remove</label></div>${
        field.redactable
          ? `
<div class="choice"><input type="radio" id="action-${index}-redact" name="action-${index}" value="redact"><label for="action-${index}-redact">Redact — publish the edited text</label></div>
<label class="visually-hidden" for="text-${index}">Redacted text</label><textarea id="text-${index}" name="text-${index}" maxlength="65536">${escapeHtml(displayValue(value))}</textarea>`
          : ''
      }`
    : '';
  return `<tr${highlighted ? ' class="held named"' : ''} data-path="${escapeHtml(field.path)}"><th><code>${escapeHtml(field.path)}</code>${highlighted ? '<br><span class="muted">named in the notice</span>' : ''}</th><td>${shown}</td>${decidable ? `<td>${choices}</td>` : ''}</tr>`;
}

/**
 * A notice (§4.1): what the federal entity named, the latest published version with the named
 * fields highlighted, and the decision: correct (remove fields, redact text fields) or dismiss.
 */
export function renderNoticeTask(view: NoticeTaskView, user: SignedIn, notice?: string): string {
  const filed = view.notice;
  const paths = filed.paths.length === 0 ? '<p id="named-paths" class="muted">The notice names no fields.</p>' : `<ul id="named-paths">${filed.paths.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('')}</ul>`;
  const head = `<h1>Notice about <code id="object-id">${escapeHtml(filed.objectId)}</code></h1>
${taskHeader(view, user, notice)}
<p>Filed by <code>${escapeHtml(filed.filedBy)}</code> for <strong id="federal-entity">${escapeHtml(filed.federalEntity)}</strong> at ${escapeHtml(filed.filedAt)}, about version <code id="object-version">${escapeHtml(filed.objectVersion)}</code>. The fields it names as holding personal information:</p>
${paths}`;
  const decidable = view.state === 'open' || view.state === 'claimed';
  if (view.published === null) {
    const dismiss = decidable ? dismissForm(view, user) : '';
    return page('Notice', `${head}<p class="problem" id="not-published">No published version of this object is known here (yet): it cannot be corrected, only dismissed.</p>${dismiss}${history(view.history, user)}`, user);
  }
  const values = valuesByPath(view.published.object as Record<string, unknown>);
  const rows = view.published.fields.map((field, i) => noticeFieldRow(i, field, values.get(field.path), named(field.path, filed.paths), decidable));
  const stale = view.namesLatestVersion
    ? ''
    : `<p class="problem" id="later-version">The notice names version ${escapeHtml(filed.objectVersion)}; the latest published version is ${escapeHtml(view.published.version)} (it may already be corrected). A correction applies to the latest version.</p>`;
  const table = `<table id="published-object"><thead><tr><th>Field</th><th>Value</th>${decidable ? '<th>Decision</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const body = decidable
    ? `<h2>Correct the latest published version</h2>
<form method="post" action="/analyst/tasks/${escapeHtml(view.id)}/decision" id="decision-form">${csrf(user)}<input type="hidden" name="outcome" value="correct">
${table}
<p><button type="submit" id="record-correction">Publish the corrected version</button></p></form>
${dismissForm(view, user)}`
    : `<h2>The latest published version</h2>${table}`;
  return page(
    'Notice',
    `${head}<p class="muted">Latest published version: <code id="published-version">${escapeHtml(view.published.version)}</code>.</p>${stale}${body}${history(view.history, user)}`,
    user,
  );
}

function dismissForm(view: NoticeTaskView, user: SignedIn): string {
  return `<h2>Or dismiss the notice</h2><form method="post" action="/analyst/tasks/${escapeHtml(view.id)}/decision" id="dismiss-form">${csrf(user)}<input type="hidden" name="outcome" value="dismiss"><p class="muted">The object holds no personal information it should not: nothing is changed.</p><button type="submit" class="danger" id="dismiss-notice">Dismiss the notice</button></form>`;
}
