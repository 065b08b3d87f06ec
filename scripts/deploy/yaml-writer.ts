/**
 * Writes plain data (objects, arrays, strings, numbers, booleans) as block YAML, for the generated
 * manifests. Strings that YAML could read as something else are double-quoted (JSON escapes are
 * valid YAML), so what is written reads back as the same data.
 */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:-]*$/;
const AMBIGUOUS = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  return PLAIN.test(value) && !AMBIGUOUS.test(value) ? value : JSON.stringify(value);
}

function isEmpty(value: YamlValue): boolean {
  return (Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 1) === 0;
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (typeof item === 'object' && item !== null && !isEmpty(item)) {
        const [first = '', ...rest] = lines(item, `${indent}  `);
        return [`${indent}- ${first.trimStart()}`, ...rest];
      }
      return [`${indent}- ${inline(item)}`];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      if (item === undefined) {
        return [];
      }
      const name = scalar(key);
      if (typeof item === 'object' && item !== null && !isEmpty(item)) {
        return [`${indent}${name}:`, ...lines(item, Array.isArray(item) ? indent : `${indent}  `)];
      }
      return [`${indent}${name}: ${inline(item)}`];
    });
  }
  return [`${indent}${inline(value)}`];
}

function inline(value: YamlValue): string {
  if (Array.isArray(value)) {
    return '[]';
  }
  if (typeof value === 'object' && value !== null) {
    return '{}';
  }
  return scalar(value);
}

/** One YAML document per value, separated by `---`, with a leading comment. */
export function yamlDocuments(comment: string, documents: readonly YamlValue[]): string {
  const header = comment
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${header}\n${documents.map((document) => `---\n${lines(document, '').join('\n')}\n`).join('')}`;
}
