import { screenObject } from '../engine/screen-object';
import { buildScreeningContext } from '../engine/screening-context';
import { generateCorpus } from './generate-corpus';

describe('generateCorpus', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = generateCorpus({ seed: 7, bundles: 5 });
    const b = generateCorpus({ seed: 7, bundles: 5 });
    const c = generateCorpus({ seed: 8, bundles: 5 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a.bundles.filter((bundle) => bundle.set === 'planted')).toHaveLength(5);
    expect(a.bundles.filter((bundle) => bundle.set === 'hard-negative')).toHaveLength(5);
  });

  it('labels planted values at paths that exist, and plants none in hard negatives', () => {
    const corpus = generateCorpus({ seed: 3, bundles: 20 });
    for (const bundle of corpus.bundles) {
      if (bundle.set === 'hard-negative') {
        expect(bundle.labels).toEqual([]);
      }
      for (const label of bundle.labels) {
        const object = bundle.objects.find((o) => o.id === label.objectId);
        expect(object).toBeDefined();
        const top = label.path.split(/[.[]/)[0] ?? '';
        expect(object?.[top]).toBeDefined();
      }
    }
  });

  it('holds every planted validated identifier and refers few hard-negative fields (smoke test of the benchmark)', () => {
    const corpus = generateCorpus({ seed: 11, bundles: 30 });
    let missed = 0;
    let hardHeld = 0;
    let hardScreened = 0;
    for (const bundle of corpus.bundles) {
      const context = buildScreeningContext(bundle.objects, bundle.patternValues);
      for (const object of bundle.objects) {
        const result = screenObject(object, context);
        const held = new Set(result.held.map((h) => h.path));
        for (const label of bundle.labels.filter((l) => l.objectId === object.id && ['email', 'ssn', 'payment-card', 'iban', 'phone'].includes(l.kind))) {
          if (!held.has(label.path)) {
            missed += 1;
          }
        }
        if (bundle.set === 'hard-negative') {
          hardHeld += result.held.length;
          hardScreened += result.stats.screenedFields;
        }
      }
    }
    expect(missed).toBe(0);
    expect(hardHeld / hardScreened).toBeLessThanOrEqual(0.1);
  });
});
