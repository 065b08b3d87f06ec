import type { ParsedCidr } from '../checks/ip';
import { cidrWithin, embeddedIPv4, parseCidr } from '../checks/ip';
import type { CidrEntry } from '../data/lexicons';
import { KNOWN_GOOD } from '../data/lexicons';

/**
 * Nuisance indicators (AIS interim procedures §2.3.2.3), from `data/known-good.v1.json`:
 *
 * - a bare address or host that is reserved (RFC 1918, loopback, link-local, CGNAT, multicast, IPv6
 *   ::1 / fe80::/10 / fc00::/7, IPv4-mapped forms of those; `localhost`, `*.test`, `*.invalid`,
 *   `*.local`, `*.localhost`, `*.internal`, `home.arpa`, `example.com/net/org`) → **drop**, with the
 *   reason recorded;
 * - a bare popular domain (`google.com`, `www.microsoft.com`) → **drop**: nobody blocks it;
 * - a URL or e-mail address at a reserved host → **drop**; under a popular domain, or a sub-domain of
 *   one as a bare host → **flag**, never drop (trusted-site abuse is real: `docs.google.com/forms/…`);
 * - documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) are **kept**: the
 *   project's tests and examples use them as real indicators.
 */

export type NuisanceVerdict =
  | { readonly kind: 'keep' }
  | { readonly kind: 'drop'; readonly reason: string }
  | { readonly kind: 'flag'; readonly reason: string };

const KEEP: NuisanceVerdict = { kind: 'keep' };

interface CompiledCidr {
  readonly cidr: ParsedCidr;
  readonly text: string;
  readonly reason: string;
}

function compile(entries: readonly CidrEntry[]): CompiledCidr[] {
  return entries.map((entry) => {
    const cidr = parseCidr(entry.cidr);
    if (cidr === null) {
      throw new Error(`known-good.v1.json: bad CIDR ${entry.cidr}`);
    }
    return { cidr, text: entry.cidr, reason: entry.reason };
  });
}

const RESERVED = [...compile(KNOWN_GOOD.ipv4Reserved), ...compile(KNOWN_GOOD.ipv6Reserved)];
const ALLOWED = compile(KNOWN_GOOD.allowed);

/** Verdict for an IP address or CIDR block (`10.0.0.0/8` as an ipv4-addr value counts). */
export function classifyAddress(text: string): NuisanceVerdict | undefined {
  const parsed = parseCidr(text);
  if (parsed === null) {
    return undefined;
  }
  let subject: ParsedCidr = parsed;
  if (parsed.version === 6) {
    const v4 = embeddedIPv4(parsed.bytes);
    if (v4 !== null && parsed.prefix >= 96) {
      subject = { version: 4, bytes: v4, prefix: parsed.prefix - 96 };
    }
  }
  if (ALLOWED.some((entry) => cidrWithin(entry.cidr, subject))) {
    return KEEP;
  }
  const reserved = RESERVED.find((entry) => cidrWithin(entry.cidr, subject));
  return reserved === undefined ? KEEP : { kind: 'drop', reason: `reserved address space ${reserved.text}: ${reserved.reason}` };
}

function isUnder(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host.charAt(host.length - domain.length - 1) === '.');
}

function reservedName(host: string): string | undefined {
  for (const entry of KNOWN_GOOD.reservedNames) {
    const hit = entry.match === 'subdomain' ? host.length > entry.name.length && isUnder(host, entry.name) : isUnder(host, entry.name);
    if (hit) {
      return `reserved name ${entry.name}: ${entry.reason}`;
    }
  }
  return undefined;
}

/** The popular domain `host` is, or lies under, or undefined. */
export function popularDomainOf(host: string): string | undefined {
  let candidate = host;
  for (;;) {
    if (KNOWN_GOOD.topDomains.has(candidate)) {
      return candidate;
    }
    const dot = candidate.indexOf('.');
    if (dot < 0) {
      return undefined;
    }
    candidate = candidate.slice(dot + 1);
  }
}

/** Verdict for a bare host name (a domain-name value). */
export function classifyHost(rawHost: string): NuisanceVerdict {
  const lower = rawHost.toLowerCase();
  const host = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const reserved = reservedName(host);
  if (reserved !== undefined) {
    return { kind: 'drop', reason: reserved };
  }
  if (!host.includes('.')) {
    return { kind: 'drop', reason: 'single-label name: not a registrable domain' };
  }
  const popular = popularDomainOf(host);
  if (popular === undefined) {
    return KEEP;
  }
  if (host === popular || host === `www.${popular}`) {
    return { kind: 'drop', reason: `popular domain ${popular} as a bare host` };
  }
  return { kind: 'flag', reason: `host under the popular domain ${popular}` };
}

/** The host of a URL, lower case, without user info, port or brackets; undefined when there is none. */
export function urlHost(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme < 0) {
    return undefined;
  }
  let rest = url.slice(scheme + 3);
  let end = rest.length;
  for (const stop of ['/', '?', '#']) {
    const at = rest.indexOf(stop);
    if (at >= 0 && at < end) {
      end = at;
    }
  }
  rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    rest = rest.slice(at + 1);
  }
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return close < 0 ? undefined : rest.slice(1, close).toLowerCase();
  }
  const colon = rest.indexOf(':');
  return (colon >= 0 ? rest.slice(0, colon) : rest).toLowerCase() || undefined;
}

function classifyEmbeddedHost(host: string, what: 'URL' | 'e-mail address'): NuisanceVerdict {
  const address = classifyAddress(host);
  if (address !== undefined) {
    return address.kind === 'drop' ? { kind: 'drop', reason: `${what} at ${address.reason}` } : KEEP;
  }
  const verdict = classifyHost(host);
  if (verdict.kind === 'drop' && verdict.reason.startsWith('popular domain')) {
    return { kind: 'flag', reason: `${what} under the popular domain ${popularDomainOf(host) ?? host}` };
  }
  if (verdict.kind === 'drop' && verdict.reason.startsWith('single-label')) {
    return KEEP; // `http://intranet/…` says little; leave it to review and the profile
  }
  return verdict.kind === 'keep' ? KEEP : { kind: verdict.kind, reason: `${what}: ${verdict.reason}` };
}

/**
 * Verdict for one indicator value: an IP address or CIDR, a URL, an e-mail address or a host name.
 * Anything else (hashes, file names, mutexes …) is kept.
 */
export function classifyIndicatorValue(raw: string): NuisanceVerdict {
  const value = raw.trim();
  const address = classifyAddress(value);
  if (address !== undefined) {
    return address;
  }
  if (value.includes('://')) {
    const host = urlHost(value);
    return host === undefined ? KEEP : classifyEmbeddedHost(host, 'URL');
  }
  const at = value.lastIndexOf('@');
  if (at > 0) {
    return classifyEmbeddedHost(value.slice(at + 1).toLowerCase(), 'e-mail address');
  }
  if (isHostName(value)) {
    // Hashes, mutexes and file names are single labels or have no alphabetic top-level label:
    // only a reserved name among them is a nuisance.
    if (!value.includes('.')) {
      const reserved = reservedName(value.toLowerCase());
      return reserved === undefined ? KEEP : { kind: 'drop', reason: reserved };
    }
    return classifyHost(value);
  }
  return KEEP;
}

function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) {
    return false;
  }
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const ok = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 46 || code === 95;
    if (!ok) {
      return false;
    }
  }
  return true;
}
