import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Fragments = Record<string, new () => object>;
export type LoadedConfig<F extends Fragments> = { readonly [K in keyof F]: Readonly<InstanceType<F[K]>> };

/**
 * Reads the environment into typed, frozen fragments once at boot, listing every bad key at
 * once. Problems name the variable and the rule, never the value (it may be a secret).
 */
export function loadConfig<F extends Fragments>(fragments: F, env: NodeJS.ProcessEnv = process.env): LoadedConfig<F> {
  const problems: string[] = [];
  const loaded: Record<string, object> = {};
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  for (const [name, shape] of Object.entries(fragments)) {
    const config = plainToInstance(shape, present, { exposeDefaultValues: true, excludeExtraneousValues: false });
    for (const error of validateSync(config, { forbidUnknownValues: true })) {
      problems.push(`${error.property}: ${Object.keys(error.constraints ?? {}).join(', ')}`);
    }
    loaded[name] = Object.freeze(pick(config, Object.keys(new shape())));
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return Object.freeze(loaded) as LoadedConfig<F>;
}

/** Keeps only the fragment's own keys: the environment holds much else. */
function pick(source: object, keys: readonly string[]): object {
  return Object.fromEntries(keys.map((key) => [key, (source as Record<string, unknown>)[key]]));
}
