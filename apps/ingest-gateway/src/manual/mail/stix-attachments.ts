import type { StixObject } from '@ais/contracts';

/** An attachment as the mail parser hands it over. */
export interface MailAttachment {
  readonly contentType: string;
  readonly filename?: string;
  readonly content: Buffer;
}

export type StixAttachments = { readonly ok: true; readonly objects: StixObject[] } | { readonly ok: false; readonly problems: string[] };

export const MAX_STIX_OBJECTS = 1_000;
export const STIX_MEDIA_TYPE = 'application/stix+json';

const TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;

/** STIX content is an `application/stix+json` (or `application/json`) part, or a `.json` file. */
export function isStixAttachment(attachment: Pick<MailAttachment, 'contentType' | 'filename'>): boolean {
  const mediaType = attachment.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === STIX_MEDIA_TYPE || mediaType === 'application/json' || /\.json$/i.test(attachment.filename ?? '');
}

/**
 * Reads STIX objects from JSON attachments — a bundle, a TAXII envelope, an array or a single
 * object — checking JSON shape only (every object has a `type` and an `id` of that type); the
 * pipeline validates STIX once an analyst accepts the mail. Problems name the attachment by its
 * position, never by its name or content.
 */
export function readStixAttachments(attachments: readonly MailAttachment[]): StixAttachments {
  const objects: StixObject[] = [];
  const problems: string[] = [];
  attachments.forEach((attachment, index) => {
    const where = `attachment ${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(attachment.content));
    } catch {
      problems.push(`${where} is not valid UTF-8 JSON`);
      return;
    }
    const candidates = objectsOf(parsed);
    if (candidates === null || candidates.length === 0) {
      problems.push(`${where} must be a STIX bundle, a TAXII envelope, an array of STIX objects or one STIX object`);
      return;
    }
    const bad = candidates.findIndex((candidate) => !isStixShaped(candidate));
    if (bad >= 0) {
      problems.push(`${where}: object ${bad + 1} needs a lowercase "type" and an "id" of the form <type>--<id>`);
      return;
    }
    objects.push(...(candidates as StixObject[]));
  });
  if (problems.length === 0 && objects.length > MAX_STIX_OBJECTS) {
    problems.push(`the attachments hold more than ${MAX_STIX_OBJECTS} STIX objects`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, objects };
}

function objectsOf(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) {
    return parsed as unknown[];
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return null;
  }
  const record = parsed as Record<string, unknown>;
  if (record.type === 'bundle' || (record.type === undefined && 'objects' in record)) {
    return Array.isArray(record.objects) ? (record.objects as unknown[]) : null;
  }
  return [parsed];
}

function isStixShaped(candidate: unknown): boolean {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return false;
  }
  const { type, id } = candidate as Record<string, unknown>;
  return typeof type === 'string' && TYPE.test(type) && type !== 'bundle' && typeof id === 'string' && id.startsWith(`${type}--`) && id.length > type.length + 2;
}
