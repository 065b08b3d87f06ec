/**
 * STIX identifiers: `<object-type>--<UUID>`. The UUID is RFC 4122: versions 1 to 5, variant bits
 * `10xx` (first hex digit of the fourth group 8, 9, a or b), hex digits in either case.
 */

/** The object type an identifier names, or `undefined` when it is not `<type>--<UUID>`. */
export function identifierType(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const separator = value.length - 38;
  if (separator < 1 || value.charCodeAt(separator) !== 0x2d || value.charCodeAt(separator + 1) !== 0x2d) {
    return undefined;
  }
  if (!isTypeName(value, separator) || !isRfc4122Uuid(value, separator + 2)) {
    return undefined;
  }
  return value.slice(0, separator);
}

/** The UUID version digit of a well-formed identifier (1 to 5). */
export function identifierUuidVersion(identifier: string): number {
  return identifier.charCodeAt(identifier.length - 22) - 0x30;
}

/** a-z, 0-9 and single inner hyphens, as STIX type names are written. */
function isTypeName(value: string, end: number): boolean {
  for (let index = 0; index < end; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x2d) {
      if (index === 0 || index === end - 1 || value.charCodeAt(index - 1) === 0x2d) {
        return false;
      }
    } else if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) {
      return false;
    }
  }
  return true;
}

function isRfc4122Uuid(value: string, start: number): boolean {
  for (let offset = 0; offset < 36; offset++) {
    const code = value.charCodeAt(start + offset);
    if (offset === 8 || offset === 13 || offset === 18 || offset === 23) {
      if (code !== 0x2d) {
        return false;
      }
    } else if (!isHex(code)) {
      return false;
    }
  }
  const version = value.charCodeAt(start + 14);
  const variant = value.charCodeAt(start + 19) | 0x20;
  return version >= 0x31 && version <= 0x35 && (variant === 0x38 || variant === 0x39 || variant === 0x61 || variant === 0x62);
}

function isHex(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x66);
}
