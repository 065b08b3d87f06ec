// @ts-check
'use strict';

/**
 * Shared Jest settings for every project and test level (unit, integration, end to end).
 * Project configs use it as `preset: '../../jest.preset.js'` and add only their name and
 * `testMatch`.
 *
 * - SWC compiles TypeScript with legacy decorators and decorator metadata, as Nest, TypeORM and
 *   class-validator need; class fields follow tsconfig (`useDefineForClassFields` defaults to true
 *   for ES2022), the same as `@swc-node/register` does when a service runs.
 * - `moduleNameMapper` is derived from the `paths` in tsconfig.base.json, so a new `@ais/*` alias
 *   needs no change here.
 */
const path = require('node:path');
const ts = require('typescript');

const workspaceRoot = __dirname;
const baseTsconfigPath = path.join(workspaceRoot, 'tsconfig.base.json');

/** @returns {import('typescript').CompilerOptions} */
function readBaseCompilerOptions() {
  const { config, error } = ts.readConfigFile(baseTsconfigPath, ts.sys.readFile);
  if (error) {
    throw new Error(
      `jest.preset.js: cannot read ${baseTsconfigPath}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`,
    );
  }
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    config.compilerOptions ?? {},
    workspaceRoot,
    baseTsconfigPath,
  );
  if (errors.length > 0) {
    throw new Error(
      `jest.preset.js: bad compilerOptions in ${baseTsconfigPath}: ${errors
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
        .join('; ')}`,
    );
  }
  return options;
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `"@ais/x": ["libs/x/src/index.ts"]` → `"^@ais/x$": "<abs>/libs/x/src/index.ts"`; a `/*` alias
 * (none today) maps its capture group.
 * @param {import('typescript').CompilerOptions} options
 * @returns {Record<string, string>}
 */
function moduleNameMapperFromPaths(options) {
  const baseUrl = options.baseUrl ?? workspaceRoot;
  /** @type {Record<string, string>} */
  const mapper = {};
  for (const [alias, targets] of Object.entries(options.paths ?? {})) {
    const target = targets[0];
    if (target === undefined) {
      continue;
    }
    const wildcard = alias.includes('*');
    const pattern = `^${escapeRegExp(alias).replace('\\*', '(.*)')}$`;
    mapper[pattern] = path.resolve(baseUrl, wildcard ? target.replace('*', '$1') : target);
  }
  return mapper;
}

const compilerOptions = readBaseCompilerOptions();
const scriptTarget = compilerOptions.target ?? ts.ScriptTarget.ES2022;

/** SWC options for `@swc/jest`; `swcrc: false` so a stray .swcrc cannot change tests. */
const swcOptions = {
  swcrc: false,
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: ts.ScriptTarget[scriptTarget].toLowerCase(),
    parser: { syntax: 'typescript', decorators: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: compilerOptions.useDefineForClassFields ?? scriptTarget >= ts.ScriptTarget.ES2022,
    },
    keepClassNames: true,
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: moduleNameMapperFromPaths(compilerOptions),
  // Services import it first in main.ts; tests get the same global Reflect API.
  setupFiles: [require.resolve('reflect-metadata')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.local/', '/coverage/'],
  coveragePathIgnorePatterns: ['/node_modules/', '/test/', '\\.spec\\.ts$', '\\.int-spec\\.ts$', '\\.e2e-spec\\.ts$'],
};
