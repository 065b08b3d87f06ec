import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { ALL_DETECTORS } from '../detectors/all-detectors';
import { screenObject } from '../engine/screen-object';
import { PII_PATTERNS } from './patterns';

/**
 * Regular-expression safety (README "Regular-expression safety"). Three checks:
 * 1. static: recheck (https://makenowjust-labs.github.io/recheck/) proves every pattern of the
 *    registry free of exponential and polynomial backtracking;
 * 2. dynamic: every pattern, every detector and the engine run over 50 KB adversarial inputs
 *    within a time bound;
 * 3. no regular expression exists outside the registry, so nothing escapes checks 1 and 2.
 */

const ADVERSARIAL_LENGTH = 50 * 1024;
/** Linear scans of 50 KB take about a millisecond; a catastrophic one takes seconds to hours. */
const PATTERN_BUDGET_MS = 250;
const DETECTOR_BUDGET_MS = 1500;

/** Repeated units that drive the patterns' classes against each other, plus a breaker at the end. */
const UNITS = [
  'a', 'A', '1', ' ', '@', '.', '-', '_', '/', '\\', '=', '&', '?', '#', ':', '%', '+', '(', ')',
  'a@', 'A+', 'a.', '1-', '1 ', '1.', 'Aa ', 'A1', 'a1', 'eyJ-', 'eyJa.', 'Aa', 'AA1', '\\\\users\\\\', '/home/', '?a=', '&a=a',
  'Mr. A', 'Contact Aa ', 'password=', 'Bearer ', 'DE89 ', '-----BEGIN ', '1 Aa ', 'P.O. Box ', 'xox-', 'AIza',
];

function adversarialInputs(): string[] {
  const inputs: string[] = [];
  for (const unit of UNITS) {
    const body = unit.repeat(Math.ceil(ADVERSARIAL_LENGTH / unit.length)).slice(0, ADVERSARIAL_LENGTH - 1);
    inputs.push(`${body}!`, `${body}\u0000`);
  }
  return inputs;
}

const INPUTS = adversarialInputs();

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('regular-expression safety', () => {
  describe('static check (recheck)', () => {
    it.each(Object.entries(PII_PATTERNS))('%s is safe', (_name, pattern) => {
      const diagnostics = checkSync(pattern.source, pattern.flags, { timeout: 20_000 });
      if (diagnostics.status !== 'safe') {
        throw new Error(`${pattern.source}: ${diagnostics.status} ${JSON.stringify(diagnostics)}`);
      }
      expect(diagnostics.status).toBe('safe');
    }, 30_000);
  });

  describe('50 KB adversarial inputs', () => {
    it.each(Object.entries(PII_PATTERNS))('%s scans every input within the bound', (name, pattern) => {
      for (const input of INPUTS) {
        const elapsed = timeMs(() => {
          if (pattern.global) {
            let count = 0;
            for (const _match of input.matchAll(pattern)) {
              count += 1;
            }
            expect(count).toBeGreaterThanOrEqual(0);
          } else {
            pattern.test(input);
          }
        });
        if (elapsed > PATTERN_BUDGET_MS) {
          throw new Error(`${name} took ${elapsed.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 12))}…`);
        }
      }
      expect(pattern.lastIndex).toBe(0); // the shared object never carries state
    });

    it.each(ALL_DETECTORS.map((detector) => [detector.id, detector] as const))('detector %s runs within the bound', (id, detector) => {
      for (const input of INPUTS) {
        const elapsed = timeMs(() => detector.detect(input, { key: 'description' }));
        if (elapsed > DETECTOR_BUDGET_MS) {
          throw new Error(`${id} took ${elapsed.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 12))}…`);
        }
      }
    });

    it('screenObject screens a 64 KiB field within the bound and holds a longer one unscreened', () => {
      const limitText = 'Contact Aa 1-'.repeat(6000).slice(0, 64 * 1024);
      const elapsed = timeMs(() => screenObject({ type: 'note', id: 'note--1', content: limitText, object_refs: [] }, { actorSideValues: new Set() }));
      expect(elapsed).toBeLessThan(DETECTOR_BUDGET_MS * 2);
      const result = screenObject({ type: 'note', id: 'note--1', content: `${limitText}x`, object_refs: [] }, { actorSideValues: new Set() });
      expect(result.held[0]?.detector).toBe('too-long-to-screen');
    });
  });

  it('no regular expression exists outside regex/patterns.ts', () => {
    const root = path.join(__dirname, '..');
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) {
          visit(file);
        } else if (file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith(path.join('regex', 'patterns.ts'))) {
          const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
          const walk = (node: ts.Node): void => {
            const isLiteral = node.kind === ts.SyntaxKind.RegularExpressionLiteral;
            const isConstructor =
              (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
            if (isLiteral || isConstructor) {
              const { line } = source.getLineAndCharacterOfPosition(node.getStart());
              offenders.push(`${path.relative(root, file)}:${line + 1}`);
            }
            ts.forEachChild(node, walk);
          };
          walk(source);
        }
      }
    };
    visit(root);
    expect(offenders).toEqual([]);
  });
});
