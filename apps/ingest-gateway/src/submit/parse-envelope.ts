export type ParsedEnvelope =
  | { readonly ok: true; readonly objects: unknown[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a TAXII envelope (or a STIX bundle, as MISP and Sentinel post them): only `objects`
 * matters. Object-level problems are the validator's; here only the shape is checked.
 */
export function parseEnvelope(body: Buffer): ParsedEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { ok: false, reason: 'the body is not valid UTF-8 JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'the body must be a JSON object (a TAXII envelope)' };
  }
  const objects = (parsed as { objects?: unknown }).objects;
  if (!Array.isArray(objects) || objects.length === 0) {
    return { ok: false, reason: 'the envelope must have a non-empty objects list' };
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
