/**
 * JSON paths of held fields: `description`, `external_references[0].description`,
 * `extensions.pdf-ext.document_info_dict.Author`, `additional_header_fields["X-Original-To"]`.
 * Keys of letters, digits, `_`, `-` and `$` use dot notation; any other key is quoted in brackets.
 */
function isPlainKey(key: string): boolean {
  if (key.length === 0) {
    return false;
  }
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    const ok = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45 || code === 36;
    if (!ok) {
      return false;
    }
  }
  return true;
}

export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (isPlainKey(segment)) {
      out += out.length === 0 ? segment : `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}
