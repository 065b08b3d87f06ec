/**
 * Strict IP address parsing, hand-written (no regular expression, no library). Only the canonical
 * text forms pass: IPv4 as four decimal parts 0–255 without leading zeros (`010.0.0.1`, `127.1`,
 * `0x7f.0.0.1` and `1.2.3` are rejected, because other parsers read them as different addresses);
 * IPv6 per RFC 4291 §2.2 (hex groups of 1–4 digits, at most one `::`, an optional trailing dotted
 * IPv4), without zone ids.
 */

export interface ParsedIp {
  readonly version: 4 | 6;
  /** Network byte order: 4 bytes for IPv4, 16 for IPv6. */
  readonly bytes: readonly number[];
}

export interface ParsedCidr extends ParsedIp {
  readonly prefix: number;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  if (code >= 97 && code <= 102) {
    return code - 87;
  }
  if (code >= 65 && code <= 70) {
    return code - 55;
  }
  return -1;
}

/** Four bytes, or null when `text` is not exactly a dotted-decimal IPv4 address. */
export function parseIPv4(text: string): number[] | null {
  if (text.length < 7 || text.length > 15) {
    return null;
  }
  const bytes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 46; // a virtual '.' ends the last part
    if (isDigit(code)) {
      if (digits === 1 && value === 0) {
        return null; // leading zero
      }
      value = value * 10 + (code - 48);
      digits += 1;
      if (value > 255) {
        return null;
      }
    } else if (code === 46) {
      if (digits === 0) {
        return null;
      }
      bytes.push(value);
      value = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return bytes.length === 4 ? bytes : null;
}

/** Sixteen bytes, or null when `text` is not an RFC 4291 IPv6 address. */
export function parseIPv6(text: string): number[] | null {
  if (text.length < 2 || text.length > 45) {
    return null;
  }
  const head: number[] = []; // 16-bit groups before '::'
  const tail: number[] = []; // after '::'
  let target = head;
  let sawDoubleColon = false;
  let i = 0;
  if (text.startsWith('::')) {
    sawDoubleColon = true;
    target = tail;
    i = 2;
    if (text.length === 2) {
      return new Array<number>(16).fill(0);
    }
  } else if (text.charCodeAt(0) === 58) {
    return null; // a single leading ':'
  }
  while (i < text.length) {
    // A trailing dotted IPv4 takes the last 32 bits (only as the final segment).
    const rest = text.slice(i);
    if (!rest.includes(':') && rest.includes('.')) {
      const v4 = parseIPv4(rest);
      if (v4 === null) {
        return null;
      }
      target.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      i = text.length;
      break;
    }
    let value = 0;
    let digits = 0;
    while (i < text.length) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) {
        break;
      }
      value = (value << 4) | h;
      digits += 1;
      i += 1;
      if (digits > 4) {
        return null;
      }
    }
    if (digits === 0) {
      return null;
    }
    target.push(value);
    if (i === text.length) {
      break;
    }
    if (text.charCodeAt(i) !== 58) {
      return null;
    }
    i += 1;
    if (i < text.length && text.charCodeAt(i) === 58) {
      if (sawDoubleColon) {
        return null;
      }
      sawDoubleColon = true;
      target = tail;
      i += 1;
      if (i === text.length) {
        break;
      }
    } else if (i === text.length) {
      return null; // a single trailing ':'
    }
  }
  const groups = head.length + tail.length;
  if (sawDoubleColon ? groups > 7 : groups !== 8) {
    return null;
  }
  const all = [...head, ...new Array<number>(8 - groups).fill(0), ...tail];
  const bytes: number[] = [];
  for (const group of all) {
    bytes.push((group >> 8) & 0xff, group & 0xff);
  }
  return bytes;
}

/** An IPv4 or IPv6 address in canonical text form, or null. */
export function parseIp(text: string): ParsedIp | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) {
    return { version: 4, bytes: v4 };
  }
  const v6 = text.includes(':') ? parseIPv6(text) : null;
  return v6 === null ? null : { version: 6, bytes: v6 };
}

/** `10.0.0.0/8`, `fe80::/10`; a bare address is a /32 or /128. Prefix digits: no leading zeros. */
export function parseCidr(text: string): ParsedCidr | null {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (ip === null) {
    return null;
  }
  const max = ip.version === 4 ? 32 : 128;
  if (slash < 0) {
    return { ...ip, prefix: max };
  }
  const prefixText = text.slice(slash + 1);
  if (prefixText.length === 0 || prefixText.length > 3 || (prefixText.length > 1 && prefixText.startsWith('0'))) {
    return null;
  }
  let prefix = 0;
  for (let i = 0; i < prefixText.length; i += 1) {
    const code = prefixText.charCodeAt(i);
    if (!isDigit(code)) {
      return null;
    }
    prefix = prefix * 10 + (code - 48);
  }
  return prefix <= max ? { ...ip, prefix } : null;
}

/** Whether the first `prefix` bits of `bytes` equal those of `network`. */
export function prefixMatches(network: readonly number[], prefix: number, bytes: readonly number[]): boolean {
  if (network.length !== bytes.length) {
    return false;
  }
  let bits = prefix;
  for (let i = 0; i < network.length && bits > 0; i += 1) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((network[i] ?? 0) & mask) !== ((bytes[i] ?? 0) & mask)) {
      return false;
    }
    bits -= 8;
  }
  return true;
}

/** Whether every address of `inner` lies in `outer` (same version, inner prefix not shorter). */
export function cidrWithin(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.version === inner.version && inner.prefix >= outer.prefix && prefixMatches(outer.bytes, outer.prefix, inner.bytes);
}

/** The IPv4 address embedded in an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), or null. */
export function embeddedIPv4(bytes: readonly number[]): number[] | null {
  if (bytes.length !== 16) {
    return null;
  }
  for (let i = 0; i < 10; i += 1) {
    if (bytes[i] !== 0) {
      return null;
    }
  }
  return bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : null;
}
