import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG, isEventType } from './event-catalog';
import { opaqueJsonProperties } from './opaque-json';
import { passesPayloadRules } from './payload-rules';

const FIXTURES = join(__dirname, '__fixtures__');

type PayloadClass = abstract new () => object;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What decodeEvent did before the quick check, for every payload: class-validator's verdict. */
function classValidatorPasses(payloadClass: PayloadClass, data: Record<string, unknown>): boolean {
  const opaque = opaqueJsonProperties(payloadClass);
  const typed = { ...data };
  for (const property of opaque) {
    delete typed[property];
  }
  try {
    const payload = plainToInstance(payloadClass as new () => object, typed) as Record<string, unknown>;
    for (const property of opaque) {
      if (Object.hasOwn(data, property)) {
        payload[property] = data[property];
      }
    }
    return validateSync(payload, { forbidUnknownValues: true }).length === 0;
  } catch {
    return false;
  }
}

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => {
    const envelope = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { type: string; data: Record<string, Json> };
    if (!isEventType(envelope.type)) {
      throw new Error(`${file}: unknown type`);
    }
    return { file, payloadClass: EVENT_CATALOG[envelope.type].payloadClass as PayloadClass, data: envelope.data };
  });

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const REPLACEMENTS: Json[] = [
  null,
  '',
  'x',
  'not-a-uuid',
  '2026-11-01T12:00:00.000Z',
  '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
  'A'.repeat(5000),
  0,
  -1,
  1.5,
  42,
  true,
  [],
  [null],
  ['x'],
  [{}],
  {},
  { constructor: 'x' },
  { __proto__: { polluted: true } } as unknown as Json,
  [[{}]],
];

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths((value as Record<string | number, Json>)[key]!, [...prefix, key])]);
}

/** A copy of `data` with one value replaced, one key removed, or one uncopyable key added. */
function mutate(data: Record<string, Json>, next: () => number): Record<string, Json> {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, Json>;
  const all = paths(copy);
  const path = all[Math.floor(next() * all.length)]!;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, Json>;
  }
  const last = path[path.length - 1]!;
  const kind = next();
  if (kind < 0.15 && !Array.isArray(parent)) {
    delete parent[last];
  } else if (kind < 0.25 && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) {
    // As JSON.parse makes them: own properties, `__proto__` included.
    const target = parent[last] as Record<string, Json>;
    Object.defineProperty(target, next() < 0.5 ? '__proto__' : 'constructor', { value: 'x', enumerable: true, configurable: true, writable: true });
  } else {
    parent[last] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]!;
  }
  return copy;
}

describe('passesPayloadRules', () => {
  it('passes every golden fixture, as class-validator does (the quick path is the usual one)', () => {
    for (const { file, payloadClass, data } of fixtures) {
      expect({ file, quick: passesPayloadRules(payloadClass, data), full: classValidatorPasses(payloadClass, data) }).toEqual({ file, quick: true, full: true });
    }
  });

  it('never passes a payload class-validator refuses: 40,000 mutations of the fixtures', () => {
    const next = random(20261129);
    let refused = 0;
    for (let i = 0; i < 40_000; i++) {
      const { file, payloadClass, data } = fixtures[i % fixtures.length]!;
      const mutated = mutate(data, next);
      const full = classValidatorPasses(payloadClass, mutated);
      refused += full ? 0 : 1;
      if (passesPayloadRules(payloadClass, mutated) && !full) {
        throw new Error(`case ${i} (${file}): the quick check passed ${JSON.stringify(mutated).slice(0, 500)}`);
      }
    }
    // The mutations must mostly break something, or this test proves little.
    expect(refused).toBeGreaterThan(10_000);
  });

  it('leaves an uncopyable key, even in an unchecked property, to class-validator', () => {
    const { payloadClass, data } = fixtures.find((fixture) => fixture.file.startsWith('submission-screened'))!;
    const polluted = JSON.parse(`{"extra": {"nested": {"__proto__": {"x": 1}}}}`) as Record<string, Json>;
    expect(passesPayloadRules(payloadClass, data)).toBe(true);
    expect(passesPayloadRules(payloadClass, { ...data, ...polluted })).toBe(false);
  });
});
