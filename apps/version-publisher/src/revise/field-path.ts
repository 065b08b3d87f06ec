/**
 * JSON paths of held fields, as pii-filter writes them (`libs/pii` `formatPath`): `description`,
 * `external_references[0].description`, `extensions.pdf-ext.document_info_dict.Author`,
 * `additional_header_fields["X-Original-To"]`. Keys of letters, digits, `_`, `-` and `$` use dot
 * notation; any other key is a JSON string in brackets; array positions are `[N]`.
 */
export type PathSegment = string | number;

const MAX_SEGMENTS = 32;
const MAX_INDEX = 100_000;

function isPlainKeyChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45 || code === 36;
}

/** The segments of a path, or null when it is not one (the reason never quotes the path). */
export function parseFieldPath(path: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let at = 0;
  while (at < path.length) {
    if (segments.length >= MAX_SEGMENTS) {
      return null;
    }
    const char = path[at];
    if (char === '[') {
      const parsed = bracket(path, at);
      if (parsed === null) {
        return null;
      }
      segments.push(parsed.segment);
      at = parsed.next;
      continue;
    }
    if (segments.length > 0) {
      if (char !== '.') {
        return null;
      }
      at += 1;
    }
    const start = at;
    while (at < path.length && isPlainKeyChar(path.charCodeAt(at))) {
      at += 1;
    }
    if (at === start) {
      return null;
    }
    segments.push(path.slice(start, at));
  }
  return segments.length === 0 ? null : segments;
}

function bracket(path: string, open: number): { segment: PathSegment; next: number } | null {
  if (path[open + 1] === '"') {
    // A JSON string: find its closing quote, skipping escapes, then let JSON.parse decode it.
    let at = open + 2;
    while (at < path.length && path[at] !== '"') {
      at += path[at] === '\\' ? 2 : 1;
    }
    if (at >= path.length || path[at + 1] !== ']') {
      return null;
    }
    try {
      const key: unknown = JSON.parse(path.slice(open + 1, at + 1));
      return typeof key === 'string' ? { segment: key, next: at + 2 } : null;
    } catch {
      return null;
    }
  }
  const close = path.indexOf(']', open);
  const digits = close < 0 ? '' : path.slice(open + 1, close);
  if (!/^(0|[1-9][0-9]{0,5})$/.test(digits) || Number(digits) > MAX_INDEX) {
    return null;
  }
  return { segment: Number(digits), next: close + 1 };
}
