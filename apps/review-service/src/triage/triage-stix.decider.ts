import type { SealedSubmission, StixObject, SubmitterIdentity } from '@ais/contracts';
import type { ManualSubmissionContent, ManualSubmissionFields, ObservableType, TlpLevel } from './manual-submission-content';

/**
 * What an accepted web-form or e-mail submission becomes (§3.2): STIX 2.1 objects — an indicator
 * with a STIX pattern for its observable, or a course of action for a defensive measure, marked
 * with its TLP — or the STIX objects the e-mail carried; and the submitter as the pipeline knows
 * submitters (organisation, sector, approximate location, consent). Pure: the decision time and
 * the id source come in.
 */

/** The TLP 1.0 marking definitions STIX 2.1 predefines (§7.2.1.4 of the specification). */
export const TLP_MARKING_DEFINITIONS: Readonly<Record<TlpLevel, string>> = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
};

/** The object path each observable type is compared on. */
const OBSERVABLE_PATHS: Readonly<Record<ObservableType, string>> = {
  ipv4: 'ipv4-addr:value',
  ipv6: 'ipv6-addr:value',
  domain: 'domain-name:value',
  url: 'url:value',
  'file-sha256': "file:hashes.'SHA-256'",
  'email-address': 'email-addr:value',
};

/** A STIX patterning string literal: in quotes, with `\` and `'` escaped by a backslash. */
export function quoteStixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function stixPatternOf(type: ObservableType, value: string): string {
  return `[${OBSERVABLE_PATHS[type]} = ${quoteStixString(value)}]`;
}

export interface BuildContext {
  /** The analyst's decision time: `created` and `modified` of every object built. */
  readonly decidedAt: string;
  /** A fresh UUIDv4 per call. */
  readonly newId: () => string;
  /** Stands for the submitter, who is not a registered principal (docs/manual-channels.md). */
  readonly submitterPrincipalId: string;
}

export type BuildOutcome = { readonly ok: true; readonly submission: SealedSubmission } | { readonly ok: false; readonly missing: readonly string[] };

export function buildTriagedSubmission(content: ManualSubmissionContent, context: BuildContext): BuildOutcome {
  const submitter = submitterOf(content.fields, context.submitterPrincipalId);
  if (content.stixObjects !== undefined && content.stixObjects.length > 0) {
    return { ok: true, submission: { objects: content.stixObjects, submitter } };
  }
  const built = objectFromFields(content, context);
  return built.ok ? { ok: true, submission: { objects: [built.object], submitter } } : built;
}

export function submitterOf(fields: ManualSubmissionFields, principalId: string): SubmitterIdentity {
  return {
    principalId,
    organisation: fields.organisation,
    profile: {
      sectors: [fields.sector],
      ...(fields.city === undefined ? {} : { city: fields.city }),
      ...(fields.state === undefined ? {} : { state: fields.state }),
      country: fields.country,
    },
    defaultConsent: fields.consent,
  };
}

function objectFromFields(content: ManualSubmissionContent, context: BuildContext): { ok: true; object: StixObject } | { ok: false; missing: string[] } {
  const { fields } = content;
  const { title, tlp, description } = fields;
  switch (fields.kind) {
    case 'indicator': {
      const { observableType, observableValue } = fields;
      if (title === undefined || tlp === undefined || observableType === undefined || observableValue === undefined) {
        return { ok: false, missing: missingOf({ title, tlp, observableType, observableValue }) };
      }
      return {
        ok: true,
        object: {
          type: 'indicator',
          spec_version: '2.1',
          id: `indicator--${context.newId()}`,
          created: context.decidedAt,
          modified: context.decidedAt,
          name: title,
          ...(description === undefined ? {} : { description }),
          indicator_types: ['malicious-activity'],
          pattern: stixPatternOf(observableType, observableValue),
          pattern_type: 'stix',
          pattern_version: '2.1',
          valid_from: content.receivedAt,
          object_marking_refs: [TLP_MARKING_DEFINITIONS[tlp]],
        },
      };
    }
    case 'defensive-measure': {
      const { action } = fields;
      if (title === undefined || tlp === undefined || action === undefined) {
        return { ok: false, missing: missingOf({ title, tlp, action }) };
      }
      return {
        ok: true,
        object: {
          type: 'course-of-action',
          spec_version: '2.1',
          id: `course-of-action--${context.newId()}`,
          created: context.decidedAt,
          modified: context.decidedAt,
          name: title,
          description: description === undefined ? `Recommended action: ${action}` : `${description}\n\nRecommended action: ${action}`,
          object_marking_refs: [TLP_MARKING_DEFINITIONS[tlp]],
        },
      };
    }
    default: {
      const unknownKind: never = fields.kind;
      return unknownKind;
    }
  }
}

function missingOf(values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
}
