/**
 * Threat reports defang e-mail addresses and URLs (`jdoe[at]corp[.]com`, `hxxps://`). The detectors
 * see the refanged text, so a defanged victim address is still found. Literal replacements only:
 * linear, no regular expression.
 */
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  ['[.]', '.'],
  ['(.)', '.'],
  ['{.}', '.'],
  [' [dot] ', '.'],
  ['[dot]', '.'],
  ['(dot)', '.'],
  ['[DOT]', '.'],
  ['(DOT)', '.'],
  ['[@]', '@'],
  ['(@)', '@'],
  ['{@}', '@'],
  ['[at]', '@'],
  ['(at)', '@'],
  ['[AT]', '@'],
  ['(AT)', '@'],
  ['[:]', ':'],
  ['[://]', '://'],
  ['hxxp', 'http'],
  ['hXXp', 'http'],
  ['HXXP', 'HTTP'],
];

/** Cheap test first: most fields carry no defanging at all. */
export function refang(text: string): string {
  if (!(text.includes('[') || text.includes('(') || text.includes('{') || text.includes('xx') || text.includes('XX'))) {
    return text;
  }
  let out = text;
  for (const [from, to] of REPLACEMENTS) {
    if (out.includes(from)) {
      out = out.split(from).join(to);
    }
  }
  return out;
}
