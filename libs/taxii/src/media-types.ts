export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

interface MediaRange {
  readonly type: string;
  readonly version: string | undefined;
  readonly q: number;
}

function parseRange(range: string): MediaRange {
  const [type = '', ...parameters] = range.split(';').map((part) => part.trim());
  let version: string | undefined;
  let q = 1;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    if (name.toLowerCase() === 'version') {
      version = value;
    } else if (name.toLowerCase() === 'q') {
      q = Number.parseFloat(value);
    }
  }
  return { type: type.toLowerCase(), version, q: Number.isNaN(q) ? 0 : q };
}

/** A TAXII 2.1 response is acceptable: `application/taxii+json` with version 2.1 or none, or a wildcard. */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') {
    return true;
  }
  return accept
    .split(',')
    .map(parseRange)
    .some(
      (range) =>
        range.q > 0 &&
        (range.type === '*/*' || range.type === 'application/*' || (range.type === 'application/taxii+json' && (range.version === undefined || range.version === '2.1'))),
    );
}

/** A POST body must be TAXII 2.1 (`charset` and spacing tolerated, as AIS clients send them). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) {
    return false;
  }
  const range = parseRange(contentType);
  return range.type === 'application/taxii+json' && (range.version === undefined || range.version === '2.1');
}
