import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Path → content of the files a generator owns. */
export type GeneratedFiles = Readonly<Record<string, string>>;

/** The generated files whose content on disk differs from a fresh generation. */
export function staleOf(files: GeneratedFiles): string[] {
  return Object.entries(files)
    .filter(([path, content]) => {
      try {
        return readFileSync(path, 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

/**
 * A generator's command line: `--check` exits 1 naming the stale files (CI and tests), otherwise
 * the files are written (shell scripts executable).
 */
export function writeOrCheck(files: GeneratedFiles, generator: string, argv: readonly string[] = process.argv): void {
  if (argv.includes('--check')) {
    const stale = staleOf(files);
    if (stale.length > 0) {
      process.stderr.write(`stale, run ${generator}: ${stale.join(', ')}\n`);
      process.exit(1);
    }
    return;
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  }
}
