import { FIELD_OUTCOMES } from '@ais/contracts';
import type { FieldDecisionInput } from '../held-fields/held-field-decision.decider';

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
