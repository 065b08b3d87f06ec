import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from './support/kustomize-render';

const ROOT = join(__dirname, '..', '..');
const RULES = join(ROOT, 'deploy', 'k8s', 'base', 'monitoring', 'prometheus-rules.yaml');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' || name === 'test' ? [] : sourcesUnder(path);
    }
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Metric names the services define (`name: 'ais_…'` of a prom-client metric). */
function definedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourcesUnder(join(ROOT, 'apps')), ...sourcesUnder(join(ROOT, 'libs'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/name: '(ais_[a-z0-9_]+)'/g)) {
      names.add(match[1]!);
    }
  }
  return names;
}

describe('deploy/k8s alert rules', () => {
  it('use only metrics some service exports', () => {
    const rule = parseYamlFile(RULES)[0] as { spec: { groups: { rules: { alert: string; expr: string }[] }[] } };
    const defined = definedMetrics();
    const used = rule.spec.groups.flatMap((group) => group.rules.flatMap((r) => [...r.expr.matchAll(/\b(ais_[a-z0-9_]+)/g)].map((m) => ({ alert: r.alert, metric: m[1]! }))));
    expect(used.length).toBeGreaterThan(5);
    const unknown = used.filter(({ metric }) => !defined.has(metric.replace(/_(bucket|count|sum)$/, '')));
    expect(unknown).toEqual([]);
  });
});
