import { FIELD_OUTCOMES } from '@ais/contracts';
import type { FieldDecisionInput } from '../held-fields/held-field-decision.decider';
import type { NoticeDecisionInput } from '../notices/notice-decision.decider';

const MAX_REDACTED_TEXT = 65_536;

/**
 * The form's choices as decisions, one per held path by its position on the page: `outcome-<i>`
 * and, for a redaction, `redacted-<i>`. A missing or unknown choice is left out, so the decider
 * refuses the decision as incomplete.
 */
export function fieldDecisionsOf(body: Readonly<Record<string, unknown>>, heldPaths: readonly string[]): FieldDecisionInput[] {
  const decisions: FieldDecisionInput[] = [];
  heldPaths.forEach((path, i) => {
    const outcome = oneOf(body[`outcome-${i}`], FIELD_OUTCOMES);
    if (outcome === undefined) {
      return;
    }
    const text = body[`redacted-${i}`];
    decisions.push(outcome === 'redacted' ? { path, outcome, redactedText: typeof text === 'string' ? text.slice(0, MAX_REDACTED_TEXT) : '' } : { path, outcome });
  });
  return decisions;
}

/** The value when it is one of the allowed strings. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The most fields one notice form may name (the form body's parameter limit is the real bound). */
const MAX_NOTICE_FIELDS = 2_000;

/**
 * The notice form as a decision: `outcome` (correct or dismiss) and, per field by its position on
 * the page, `field-<i>` (its path), `action-<i>` (keep, remove, redact) and `text-<i>` (the
 * redacted text). Whether the paths exist and may be changed is the decider's to say.
 */
export function noticeDecisionOf(body: Readonly<Record<string, unknown>>): NoticeDecisionInput {
  const outcome = oneOf(body.outcome, ['correct', 'dismiss'] as const) ?? 'correct';
  const remove: string[] = [];
  const redact: { path: string; text: string }[] = [];
  if (outcome === 'correct') {
    for (let i = 0; i < MAX_NOTICE_FIELDS && typeof body[`field-${i}`] === 'string'; i++) {
      const path = body[`field-${i}`] as string;
      const action = oneOf(body[`action-${i}`], ['keep', 'remove', 'redact'] as const);
      if (action === 'remove') {
        remove.push(path);
      } else if (action === 'redact') {
        const text = body[`text-${i}`];
        redact.push({ path, text: typeof text === 'string' ? text.slice(0, MAX_REDACTED_TEXT) : '' });
      }
    }
  }
  return { outcome, remove, redact };
}
