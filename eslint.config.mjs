// @ts-check
/**
 * One lint configuration for the whole repository (STYLE.md E8, E9).
 *
 * - TypeScript inside tsconfig.json's `include` is linted with type information
 *   (typescript-eslint recommended-type-checked + async safety); other TypeScript (root config
 *   files) without it. Plain JS/MJS scripts are not linted, except this file.
 * - `@nx/enforce-module-boundaries` checks the `type:` / `scope:` tags from each project.json.
 * - Pure code (deciders, contracts) stays free of Nest, TypeORM, kafkajs, prom-client and the clock.
 * - `process.env` is read only in libs/config (and scripts, tests, jest configs).
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import devkit from '@nx/devkit';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import ts from 'typescript';

const root = import.meta.dirname;

// --- Nx project graph -----------------------------------------------------------------------------
// The boundaries rule reads Nx's cached project graph and *silently skips itself* when there is
// none (fresh clone, CI) or uses a stale one. Outside an Nx task (plain `npx eslint .`, CI, editors)
// build or refresh the graph first; inside `nx lint` Nx has just done it.
if (!process.env.NX_TASK_TARGET_PROJECT) {
  await devkit.createProjectGraphAsync({ exitOnError: false });
}

// --- File sets ------------------------------------------------------------------------------------
/** Every TypeScript file that tsconfig.json type-checks gets type-aware rules. */
const TYPED_FILES = (() => {
  const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  if (error || !Array.isArray(config?.include)) {
    throw new Error('eslint.config.mjs: cannot read "include" from tsconfig.json');
  }
  return /** @type {string[]} */ (config.include);
})();

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];
const SPEC_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];
/** Test code: specs, test-support folders, Jest configs. */
const TEST_FILES = [...SPEC_FILES, 'test/**', 'apps/*/test/**', 'libs/*/test/**', '**/jest*.config.ts'];
/** Where `process.env` may be read. */
const ENV_ALLOWED_FILES = ['libs/config/**', 'libs/testing/**', 'scripts/**', 'bench/**', ...TEST_FILES];
/** Pure code: no framework, no I/O library, no clock (E2, E8). Add `type:domain` libs here. */
const PURE_FILES = ['**/*.decider.ts', 'libs/contracts/**/*.ts', 'libs/stix/**/*.ts', 'libs/ais-profile/**/*.ts', 'libs/pii/**/*.ts'];

const FRAMEWORK_PACKAGES = ['@nestjs/*', 'typeorm', 'kafkajs', 'prom-client'];
const APPS = existsSync(path.join(root, 'apps'))
  ? readdirSync(path.join(root, 'apps'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

// --- Restrictions ---------------------------------------------------------------------------------
const ENV_MESSAGE = 'Read configuration through @ais/config (libs/config); process.env is read only there.';
const CLOCK_MESSAGE = 'Pure code takes the clock as an argument (now: Date); it never reads it.';

const restrictedEnvProperties = [{ object: 'process', property: 'env', message: ENV_MESSAGE }];
const restrictedEnvSyntax = [
  {
    selector: "MemberExpression[object.type='MemberExpression'][object.property.name='process'][property.name='env']",
    message: ENV_MESSAGE,
  },
  {
    selector: "ImportDeclaration[source.value=/^(node:)?process$/] ImportSpecifier[imported.name='env']",
    message: ENV_MESSAGE,
  },
];
const restrictedClockProperties = [{ object: 'Date', property: 'now', message: CLOCK_MESSAGE }];
const restrictedClockSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
];

export default defineConfig(
  {
    name: 'ais/ignores',
    ignores: [
      'dist/**',
      '.local/**',
      '.nx/**',
      'node_modules/**',
      'tools/**',
      'coverage/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '!eslint.config.mjs',
    ],
  },
  {
    name: 'ais/eslint-config-itself',
    files: ['eslint.config.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly' } },
  },

  // TypeScript everywhere (no type information needed).
  {
    name: 'ais/typescript',
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommended, nx.configs['flat/base']],
    languageOptions: {
      parserOptions: {
        // consistent-type-imports then leaves files with decorators alone: Nest DI and TypeORM need
        // constructor-parameter and property types as runtime values (emitDecoratorMetadata).
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // `type:testing` appears in every list, but only test files may use it: depConstraints
            // cannot tell files apart, the 'ais/testing-only-in-tests' block below does. Nx still
            // reports a cycle if @ais/testing imports a lib whose tests import @ais/testing.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'],
              bannedExternalImports: FRAMEWORK_PACKAGES,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'],
              bannedExternalImports: FRAMEWORK_PACKAGES,
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:testing'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
            { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:app'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...APPS.map((app) => ({
              sourceTag: `scope:${app}`,
              onlyDependOnLibsWithTags: [`scope:${app}`, 'scope:shared'],
            })),
          ],
        },
      ],
    },
  },

  // Type-aware rules for everything tsconfig.json compiles.
  {
    name: 'ais/typescript-type-checked',
    files: TYPED_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'require-await': 'off',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },

  // process.env only in libs/config, scripts, tests.
  {
    name: 'ais/no-process-env',
    files: TS_FILES,
    ignores: ENV_ALLOWED_FILES,
    rules: {
      'no-restricted-properties': ['error', ...restrictedEnvProperties],
      'no-restricted-syntax': ['error', ...restrictedEnvSyntax],
    },
  },

  // Pure code: no framework imports, no clock, no environment (spec files included).
  {
    name: 'ais/pure-code',
    files: PURE_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FRAMEWORK_PACKAGES.flatMap((name) => (name.endsWith('/*') ? [name] : [name, `${name}/*`])),
              message: 'Deciders and contracts are pure: no Nest, TypeORM, kafkajs or prom-client.',
            },
          ],
        },
      ],
      'no-restricted-properties': ['error', ...restrictedEnvProperties, ...restrictedClockProperties],
      'no-restricted-syntax': ['error', ...restrictedEnvSyntax, ...restrictedClockSyntax],
    },
  },

  // @ais/testing from test code only (depConstraints cannot tell spec files apart).
  {
    name: 'ais/testing-only-in-tests',
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@ais/testing', message: '@ais/testing is imported only from spec and test files.' }] },
      ],
    },
  },

  // Jest: `expect(fake.method).toHaveBeenCalled()` passes unbound methods on purpose.
  {
    name: 'ais/tests',
    files: SPEC_FILES,
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
