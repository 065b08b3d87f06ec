import type { StixObject } from '../types';
import type { FieldRule, FieldRuleTable } from './field-rules';
import { COMMON_FIELD_RULES, FIELD_RULES, objectRuleOverrides } from './field-rules';

/**
 * Rule paths: keys joined by `.`, `[]` after an array property, `*` for any one key. The engine
 * walks an object with a list of segments (`['external_references', '[]', 'description']`) and asks
 * for the rule at each node; the first node with a rule decides for everything beneath it.
 */

interface CompiledTable {
  readonly exact: ReadonlyMap<string, FieldRule>;
  readonly wildcards: readonly { readonly segments: readonly string[]; readonly rule: FieldRule }[];
}

/** `extensions.*.extension_type` → `['extensions', '*', 'extension_type']`; `values[].data` → `['values', '[]', 'data']`. */
export function ruleSegments(path: string): string[] {
  const segments: string[] = [];
  for (const piece of path.split('.')) {
    if (piece.endsWith('[]')) {
      segments.push(piece.slice(0, -2), '[]');
    } else {
      segments.push(piece);
    }
  }
  return segments;
}

/** Segments back to a rule path: `['values', '[]', 'data']` → `values[].data`. */
export function rulePath(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) {
    if (segment === '[]') {
      out += '[]';
    } else {
      out += out.length === 0 ? segment : `.${segment}`;
    }
  }
  return out;
}

function compile(table: FieldRuleTable): CompiledTable {
  const exact = new Map<string, FieldRule>();
  const wildcards: { segments: string[]; rule: FieldRule }[] = [];
  for (const [path, rule] of Object.entries(table)) {
    const segments = ruleSegments(path);
    if (segments.includes('*')) {
      wildcards.push({ segments, rule });
    } else {
      exact.set(rulePath(segments), rule);
    }
  }
  return { exact, wildcards };
}

function lookup(table: CompiledTable, path: string, segments: readonly string[]): FieldRule | undefined {
  const rule = table.exact.get(path);
  if (rule !== undefined) {
    return rule;
  }
  for (const candidate of table.wildcards) {
    if (candidate.segments.length === segments.length && candidate.segments.every((segment, i) => segment === '*' ? segments[i] !== '[]' : segment === segments[i])) {
      return candidate.rule;
    }
  }
  return undefined;
}

const COMMON = compile(COMMON_FIELD_RULES);
const BY_TYPE: ReadonlyMap<string, CompiledTable> = new Map(Object.entries(FIELD_RULES).map(([type, table]) => [type, compile(table)]));
const EMPTY: CompiledTable = { exact: new Map(), wildcards: [] };

/** The rule tables that apply to one object, most specific first. */
export interface ObjectRules {
  ruleAt(segments: readonly string[]): FieldRule | undefined;
}

const compiledOverrides = new WeakMap<FieldRuleTable, CompiledTable>();

function compiledOverride(table: FieldRuleTable | undefined): CompiledTable {
  if (table === undefined) {
    return EMPTY;
  }
  let compiled = compiledOverrides.get(table);
  if (compiled === undefined) {
    compiled = compile(table);
    compiledOverrides.set(table, compiled);
  }
  return compiled;
}

export function rulesFor(object: StixObject): ObjectRules {
  const tables = [compiledOverride(objectRuleOverrides(object)), BY_TYPE.get(object.type) ?? EMPTY, COMMON];
  return {
    ruleAt(segments: readonly string[]): FieldRule | undefined {
      const path = rulePath(segments);
      for (const table of tables) {
        const rule = lookup(table, path, segments);
        if (rule !== undefined) {
          return rule;
        }
      }
      return undefined;
    },
  };
}
