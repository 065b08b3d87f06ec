import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A personal value a test planted in what it submitted; it must never reach a log or a metric. */
export interface PlantedValue {
  /** Stable number in the planted list: what a report names instead of the value. */
  readonly index: number;
  readonly kind: string;
  /** Which test or fixture planted it. */
  readonly source: string;
  readonly value: string;
}

/** Where a planted value turned up: the file, the line, and which value by number and kind only. */
export interface LeakHit {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  readonly kind: string;
  readonly source: string;
}

/**
 * The forms a value takes in a log or a metric: as is, JSON-escaped (pino lines, Prometheus label
 * values escape alike), percent-encoded (URLs), and lower-cased (e-mail addresses are normalised).
 */
export function formsOf(value: string): string[] {
  return [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), value.toLowerCase()])];
}

/** Hits of the planted values in one text, by line (1-based). */
export function scanText(file: string, text: string, planted: readonly PlantedValue[]): LeakHit[] {
  const lowered = text.toLowerCase();
  const hits: LeakHit[] = [];
  let lines: string[] | undefined;
  for (const value of planted) {
    const forms = formsOf(value.value);
    // Whole-file check first: most files hold no planted value, and splitting is the cost.
    if (!forms.some((form) => (form === form.toLowerCase() ? lowered : text).includes(form))) {
      continue;
    }
    lines ??= text.split('\n');
    lines.forEach((line, i) => {
      const lowerLine = line.toLowerCase();
      if (forms.some((form) => (form === form.toLowerCase() ? lowerLine : line).includes(form))) {
        hits.push({ file, line: i + 1, index: value.index, kind: value.kind, source: value.source });
      }
    });
  }
  return hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.index - b.index);
}

/** Every regular file under `root`, recursively, as paths relative to it. */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Scans every file under `root` (logs and saved /metrics of the e2e and fault runs). */
export function scanDirectory(root: string, planted: readonly PlantedValue[]): { files: number; hits: LeakHit[] } {
  const files = filesUnder(root);
  const hits = files.flatMap((file) => scanText(file, readFileSync(join(root, file), 'utf8'), planted));
  return { files: files.length, hits };
}

/** One report line per hit; the value itself is never printed, only its number and kind. */
export function describeHit(hit: LeakHit): string {
  return `${hit.file}:${hit.line}: planted value #${hit.index} (${hit.kind}, from ${hit.source})`;
}
