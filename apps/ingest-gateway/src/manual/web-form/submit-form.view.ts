import { CONSENT_LEVELS, type ConsentLevel } from '@ais/contracts';
import { createHash } from 'node:crypto';
import {
  FIELD_LABELS,
  OBSERVABLE_TYPE_LABELS,
  OBSERVABLE_TYPES,
  SECTOR_IDS,
  SECTORS,
  TLP_LEVELS,
  type FieldName,
  type FieldProblem,
  type RawFields,
  type TlpLevel,
} from '../manual-submission.dto';
import { COUNTRY_CODES } from './countries';
import { CSRF_FIELD } from './csrf';

/**
 * The public form (§3.2.1) as plain server-rendered HTML: no script, native controls, a label
 * for every control, hints and errors tied to their control (aria-describedby), and an error
 * summary that links to each field. Every value that goes into the page passes `escapeHtml`.
 */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#0b0c0c;margin:0;background:#fff}
header{background:#0b0c0c;color:#fff;padding:.75rem 1rem}header p{margin:0;font-weight:700}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.9rem;line-height:1.2}
fieldset{border:0;margin:0 0 1.5rem;padding:0}legend{font-weight:700;font-size:1.15rem;margin-bottom:.25rem}
.field{margin-bottom:1.25rem}label{display:block;font-weight:600}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}.choice label{font-weight:400}
.hint{color:#505a5f;margin:.1rem 0 .35rem}
input[type=text],input[type=email],select,textarea{font:inherit;width:100%;max-width:40rem;box-sizing:border-box;padding:.4rem;border:2px solid #0b0c0c;border-radius:0}
textarea{min-height:6rem}input[type=radio]{width:1.25rem;height:1.25rem;margin-top:.2rem}
:focus{outline:3px solid #fd0;outline-offset:0}
.error-message{color:#d4351c;font-weight:700;margin:.1rem 0 .35rem}
.field-error{border-left:5px solid #d4351c;padding-left:.75rem}
.error-summary{border:5px solid #d4351c;padding:1rem;margin-bottom:1.5rem}.error-summary h2{margin-top:0}
.error-summary a{color:#d4351c;font-weight:700}
button{font:inherit;font-weight:700;background:#00703c;color:#fff;border:0;padding:.6rem 1.2rem;cursor:pointer}
.reference{font-size:1.4rem;font-weight:700;word-break:break-all}
.visually-hidden,.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem}
`;

/** The page's policy: no script at all, only this stylesheet, and posts only to itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const TLP_HINTS: Readonly<Record<TlpLevel, string>> = {
  white: 'TLP:WHITE — may be shared without restriction.',
  green: 'TLP:GREEN — may be shared with peers and partners, not published.',
  amber: "TLP:AMBER — limited to the recipients' organisations, on a need-to-know basis.",
};

const CONSENT_HINTS: Readonly<Record<ConsentLevel, string>> = {
  none: 'No — share only my sector and approximate location.',
  usg: "Share my organisation's name with the U.S. Government only.",
  everyone: "Share my organisation's name with everyone who receives the submission.",
};

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({ code, name: countryNames.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, 'en'));

export interface FormState {
  readonly values: RawFields;
  readonly problems: readonly FieldProblem[];
  readonly csrfToken: string;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – AIS Exchange</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><p>AIS Exchange — Automated Indicator Sharing</p></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

const id = (field: FieldName) => `f-${field}`;

/** Always required, required in some cases only (a hint says which), or optional. */
type Required = true | 'conditional' | undefined;

function labelText(field: FieldName, required: Required): string {
  return `${escapeHtml(FIELD_LABELS[field].label)}${required === undefined ? ' (optional)' : ''}`;
}

function ariaRequired(required: Required): string {
  return required === true ? ' aria-required="true"' : '';
}

class FormWriter {
  private readonly problems: ReadonlyMap<FieldName, FieldProblem>;

  constructor(private readonly state: FormState) {
    this.problems = new Map(state.problems.map((problem) => [problem.field, problem]));
  }

  value(field: FieldName): string {
    return this.state.values[field] ?? '';
  }

  /** The id of a field's error message, hint included, for aria-describedby. */
  describedBy(field: FieldName, hint: boolean): string {
    const ids = [hint ? `${id(field)}-hint` : null, this.problems.has(field) ? `${id(field)}-error` : null].filter((x) => x !== null);
    return ids.length === 0 ? '' : ` aria-describedby="${ids.join(' ')}"`;
  }

  invalid(field: FieldName): string {
    return this.problems.has(field) ? ' aria-invalid="true"' : '';
  }

  error(field: FieldName): string {
    const problem = this.problems.get(field);
    return problem === undefined
      ? ''
      : `<p class="error-message" id="${id(field)}-error"><span class="visually-hidden">Error: </span>${escapeHtml(messageOf(problem))}</p>`;
  }

  wrap(field: FieldName, inner: string): string {
    return `<div class="field${this.problems.has(field) ? ' field-error' : ''}">${inner}</div>`;
  }

  text(field: FieldName, options: { type?: 'text' | 'email'; required?: Required; hint?: string; autocomplete?: string; maxLength: number }): string {
    const hint = options.hint === undefined ? '' : `<p class="hint" id="${id(field)}-hint">${escapeHtml(options.hint)}</p>`;
    return this.wrap(
      field,
      `<label for="${id(field)}">${labelText(field, options.required)}</label>${hint}${this.error(field)}` +
        `<input type="${options.type ?? 'text'}" id="${id(field)}" name="${field}" value="${escapeHtml(this.value(field))}" maxlength="${options.maxLength}"` +
        `${options.autocomplete === undefined ? '' : ` autocomplete="${options.autocomplete}"`}${ariaRequired(options.required)}` +
        `${this.invalid(field)}${this.describedBy(field, options.hint !== undefined)}>`,
    );
  }

  textarea(field: FieldName, options: { required?: Required; hint?: string; maxLength: number }): string {
    const hint = options.hint === undefined ? '' : `<p class="hint" id="${id(field)}-hint">${escapeHtml(options.hint)}</p>`;
    return this.wrap(
      field,
      `<label for="${id(field)}">${labelText(field, options.required)}</label>${hint}${this.error(field)}` +
        `<textarea id="${id(field)}" name="${field}" rows="5" maxlength="${options.maxLength}"${ariaRequired(options.required)}` +
        `${this.invalid(field)}${this.describedBy(field, options.hint !== undefined)}>${escapeHtml(this.value(field))}</textarea>`,
    );
  }

  select(field: FieldName, options: readonly { value: string; label: string }[], settings: { required?: Required; hint?: string; placeholder: string }): string {
    const hint = settings.hint === undefined ? '' : `<p class="hint" id="${id(field)}-hint">${escapeHtml(settings.hint)}</p>`;
    const current = this.value(field);
    const items = [{ value: '', label: settings.placeholder }, ...options]
      .map((option) => `<option value="${escapeHtml(option.value)}"${option.value === current ? ' selected' : ''}>${escapeHtml(option.label)}</option>`)
      .join('');
    return this.wrap(
      field,
      `<label for="${id(field)}">${labelText(field, settings.required)}</label>${hint}${this.error(field)}` +
        `<select id="${id(field)}" name="${field}"${ariaRequired(settings.required)}${this.invalid(field)}${this.describedBy(field, settings.hint !== undefined)}>${items}</select>`,
    );
  }

  radios(field: FieldName, options: readonly { value: string; label: string }[], settings: { hint?: string; legendClass?: string }): string {
    const hint = settings.hint === undefined ? '' : `<p class="hint" id="${id(field)}-hint">${escapeHtml(settings.hint)}</p>`;
    const current = this.value(field);
    const items = options
      .map(
        (option, index) =>
          `<div class="choice"><input type="radio" id="${index === 0 ? id(field) : `${id(field)}-${option.value}`}" name="${field}" value="${escapeHtml(option.value)}"` +
          `${option.value === current ? ' checked' : ''}><label for="${index === 0 ? id(field) : `${id(field)}-${option.value}`}">${escapeHtml(option.label)}</label></div>`,
      )
      .join('');
    return this.wrap(
      field,
      `<fieldset${this.describedBy(field, settings.hint !== undefined)}><legend>${escapeHtml(FIELD_LABELS[field].label)}</legend>${hint}${this.error(field)}${items}</fieldset>`,
    );
  }
}

function messageOf(problem: FieldProblem): string {
  return `${FIELD_LABELS[problem.field].name} ${problem.message}`;
}

export function renderForm(state: FormState): string {
  const w = new FormWriter(state);
  const summary =
    state.problems.length === 0
      ? ''
      : `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem with your submission</h2>
<ul>${state.problems.map((problem) => `<li><a href="#${id(problem.field)}">${escapeHtml(messageOf(problem))}</a></li>`).join('')}</ul>
</div>`;
  const body = `<h1>Submit a cyber threat indicator or defensive measure</h1>
<p>Use this form to share a cyber threat indicator or a defensive measure with the U.S. Government under the Cybersecurity Information Sharing Act of 2015. No knowledge of STIX is needed. Automated sharing over STIX/TAXII is faster and preferred where you can use it.</p>
<p>A DHS analyst reviews every submission before it is shared with federal entities. <strong>Do not include personal information about any individual</strong> unless it is directly related to the cybersecurity threat.</p>
${summary}
<form method="post" action="/submit" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(state.csrfToken)}">
${w.radios(
  'kind',
  [
    { value: 'indicator', label: 'A cyber threat indicator (an IP address, domain, URL, file hash or e-mail address)' },
    { value: 'defensive-measure', label: 'A defensive measure (an action that detects, prevents or mitigates a threat)' },
  ],
  {},
)}
${w.text('title', { required: true, maxLength: 200, hint: 'A short summary, for example "Phishing sender targeting utilities".' })}
${w.textarea('description', { maxLength: 5000, hint: 'What you saw, when, and why it is a threat.' })}
<fieldset>
<legend>Indicator details</legend>
<p class="hint">Only for indicators.</p>
${w.select(
  'observableType',
  OBSERVABLE_TYPES.map((type) => ({ value: type, label: OBSERVABLE_TYPE_LABELS[type] })),
  { required: 'conditional', placeholder: 'Choose a type' },
)}
${w.text('observableValue', { required: 'conditional', maxLength: 2048, hint: 'For example 198.51.100.7, evil.example, https://evil.example/login or a 64-digit SHA-256 hash.' })}
</fieldset>
<fieldset>
<legend>Defensive measure details</legend>
<p class="hint">Only for defensive measures.</p>
${w.textarea('action', { required: 'conditional', maxLength: 5000, hint: 'What should others do, for example "Block outbound traffic to port 4444".' })}
</fieldset>
${w.radios(
  'tlp',
  TLP_LEVELS.map((level) => ({ value: level, label: TLP_HINTS[level] })),
  { hint: 'How widely the information may be shared.' },
)}
<fieldset>
<legend>About your organisation</legend>
${w.text('organisation', { required: true, maxLength: 200, autocomplete: 'organization' })}
${w.text('contactEmail', { type: 'email', required: true, maxLength: 254, autocomplete: 'email', hint: 'Only analysts see it, to ask you about this submission.' })}
${w.select(
  'sector',
  SECTOR_IDS.map((sector) => ({ value: sector, label: SECTORS[sector] })),
  { required: true, placeholder: 'Choose a sector' },
)}
<p class="hint">Give a city, a state or province, or both.</p>
${w.text('city', { required: 'conditional', maxLength: 100, autocomplete: 'address-level2' })}
${w.text('state', { required: 'conditional', maxLength: 100, autocomplete: 'address-level1' })}
${w.select(
  'country',
  COUNTRY_OPTIONS.map((country) => ({ value: country.code, label: country.name })),
  { required: true, placeholder: 'Choose a country' },
)}
</fieldset>
${w.radios(
  'consent',
  CONSENT_LEVELS.map((level) => ({ value: level, label: CONSENT_HINTS[level] })),
  { hint: 'Your sector and approximate location (city, state, country) are always shared.' },
)}
<button type="submit">Submit for review</button>
</form>`;
  return page(state.problems.length > 0 ? 'Error: submit a cyber threat indicator' : 'Submit a cyber threat indicator', body);
}

export function renderThanks(reference: string | null): string {
  const referenceText =
    reference === null
      ? ''
      : `<p>Your reference number is:</p>
<p class="reference">${escapeHtml(reference)}</p>
<p>Quote it if you contact us about this submission.</p>`;
  return page(
    'Thank you',
    `<h1>Thank you — your submission was received</h1>
${referenceText}
<p>An analyst will review it before it is shared with federal entities. You may be contacted at the e-mail address you gave.</p>
<p><a href="/submit">Submit another indicator or defensive measure</a></p>`,
  );
}

export function renderMessage(title: string, text: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/submit">Back to the form</a></p>`);
}
