import { scanJson, type JsonLimits, type JsonRule } from './scan-json';

/** Why an envelope was refused: each maps to a TAXII error code (422) and a reason naming the rule. */
export type EnvelopeProblem = JsonRule | 'encoding' | 'not-an-object' | 'no-objects';

export type ParsedEnvelope =
  | { readonly ok: true; readonly objects: unknown[] }
  | { readonly ok: false; readonly problem: EnvelopeProblem; readonly reason: string };

/** The limits a TAXII POST body must keep, checked before JSON.parse sees it. */
export const ENVELOPE_LIMITS: JsonLimits = { maxDepth: 64, maxValues: 200_000, maxEnvelopeObjects: 10_000 };

function reasonOf(problem: EnvelopeProblem, limits: JsonLimits): string {
  switch (problem) {
    case 'encoding':
      return 'the body is not valid UTF-8';
    case 'syntax':
      return 'the body is not valid JSON';
    case 'depth':
      return `the JSON nests deeper than ${limits.maxDepth} levels`;
    case 'values':
      return `the JSON holds more than ${limits.maxValues} values`;
    case 'envelope-objects':
      return `the envelope carries more than ${limits.maxEnvelopeObjects} objects`;
    case 'forbidden-key':
      return 'property names __proto__, constructor and prototype are not accepted';
    case 'nul-character':
      return 'strings may not hold the character U+0000';
    case 'not-an-object':
      return 'the body must be a JSON object (a TAXII envelope)';
    case 'no-objects':
      return 'the envelope must have a non-empty objects list';
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

function refuse(problem: EnvelopeProblem, limits: JsonLimits): ParsedEnvelope {
  return { ok: false, problem, reason: reasonOf(problem, limits) };
}

/**
 * Reads a TAXII envelope (or a STIX bundle, as MISP and Sentinel post them): only `objects`
 * matters. Object-level problems are the validator's; here only encoding, size limits and shape.
 *
 * Order: strict UTF-8 decoding, then a non-recursive scan that enforces depth, value count,
 * object count and forbidden keys, and only then JSON.parse, so a hostile document never
 * reaches the parser.
 */
export function parseEnvelope(body: Buffer, limits: JsonLimits = ENVELOPE_LIMITS): ParsedEnvelope {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return refuse('encoding', limits);
  }
  const scan = scanJson(text, limits);
  if (!scan.ok) {
    return refuse(scan.rule, limits);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('syntax', limits);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('not-an-object', limits);
  }
  const objects = (parsed as { objects?: unknown }).objects;
  if (!Array.isArray(objects) || objects.length === 0) {
    return refuse('no-objects', limits);
  }
  return { ok: true, objects };
}

/** The id and version (STIX `modified`) of an object as submitted, for its status entry. */
export function statusKeyOf(object: unknown): { id: string | null; version: string | null } {
  if (typeof object !== 'object' || object === null) {
    return { id: null, version: null };
  }
  const { id, modified, created } = object as Record<string, unknown>;
  const version = typeof modified === 'string' ? modified : typeof created === 'string' ? created : null;
  return { id: typeof id === 'string' ? id.slice(0, 300) : null, version: version?.slice(0, 40) ?? null };
}

/**
 * The key (id, modified) an exact duplicate is recognised by, when the object has one that
 * fits the status columns whole: a STIX id and a `modified` timestamp as submitted. Objects
 * without `modified` (SCOs, or SDOs that were never versioned but carry `created`) use
 * `created`, the same version TAXII names for them.
 */
export function versionKeyOf(object: unknown): { id: string; version: string } | null {
  if (typeof object !== 'object' || object === null) {
    return null;
  }
  const { id, modified, created } = object as Record<string, unknown>;
  const version = typeof modified === 'string' ? modified : typeof created === 'string' ? created : null;
  return typeof id === 'string' && id.length < 300 && version !== null && version.length < 40 ? { id, version } : null;
}
