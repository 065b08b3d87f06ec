import type { FieldRule } from './field-rules';
import { COMMON_FIELD_RULES, DEFAULT_FIELD_RULE, FIELD_RULES } from './field-rules';

function treatmentLabel(rule: FieldRule): string {
  const treatment = rule.treatment;
  switch (treatment.kind) {
    case 'cleared':
      return `cleared (${treatment.shape})`;
    case 'actor-side-if-referenced':
      return `actor-side if referenced, else ${treatment.otherwise}`;
    case 'actor-side':
    case 'screened':
    case 'review':
      return treatment.kind;
    default: {
      const unreachable: never = treatment;
      return unreachable;
    }
  }
}

/**
 * The field rules as the Markdown table in libs/pii/README.md ("Field rules per property"); a spec
 * fails when the README and the rules drift apart, and prints the table to paste.
 */
export function renderFieldRulesTable(): string {
  const lines = ['| Type | Property | Treatment | Why |', '|---|---|---|---|'];
  for (const [path, rule] of Object.entries(COMMON_FIELD_RULES)) {
    lines.push(`| *(every object)* | \`${path}\` | ${treatmentLabel(rule)} | ${rule.basis} |`);
  }
  for (const [type, table] of Object.entries(FIELD_RULES)) {
    for (const [path, rule] of Object.entries(table)) {
      lines.push(`| \`${type}\` | \`${path}\` | ${treatmentLabel(rule)} | ${rule.basis} |`);
    }
  }
  lines.push('| `identity` with `identity_class: individual` | `name` | review | the name of an individual identity |');
  lines.push(`| *(any)* | anything not listed, \`x_*\` included | ${treatmentLabel(DEFAULT_FIELD_RULE)} | ${DEFAULT_FIELD_RULE.basis} |`);
  return lines.join('\n');
}
