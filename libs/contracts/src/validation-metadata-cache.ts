import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Target = abstract new (...args: never[]) => unknown;
type Lookup = (target: Target, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => ValidationMetadata[];
type Grouping = (metadata: ValidationMetadata[]) => Record<string, ValidationMetadata[]>;

let installed = false;

/**
 * class-validator looks a class's rules up afresh for every object it validates: it scans every
 * class it knows for parents (an `instanceof` per registered class) and regroups the rules by
 * property. Decoding one pipeline record validates dozens of nested objects, so in the benchmark
 * this lookup was the single largest cost of decoding (bench/pipeline-throughput.ts --cpu-prof).
 * Rules only change when a decorated class is loaded; the lookups are memoised and any rule
 * registered later clears them. Callers only read the arrays returned (class-validator 0.14).
 */
export function memoiseValidationMetadata(): void {
  if (installed) {
    return;
  }
  installed = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Lookup;
    groupByPropertyName: Grouping;
    addValidationMetadata: (metadata: ValidationMetadata) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byTarget = new Map<Target, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (forTarget === undefined) {
      forTarget = new Map();
      byTarget.set(target, forTarget);
    }
    let metadata = forTarget.get(key);
    if (metadata === undefined) {
      metadata = lookup(target, schema, always, strictGroups, groups);
      forTarget.set(key, metadata);
    }
    return metadata;
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (byProperty === undefined) {
      byProperty = group(metadata);
      grouped.set(metadata, byProperty);
    }
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    byTarget = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
}
