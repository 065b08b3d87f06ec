import 'reflect-metadata';
import type { ServiceName } from '@ais/config';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SERVICES } from '../../../scripts/system/service-launcher';
import type { HttpMethod } from './authorization-matrix';

/** The roles key `@Roles` writes (libs/auth/src/auth.guard.ts). */
const ROLES_METADATA = 'ais:roles';

/** Controllers of the shared libraries every service mounts (ServiceModule, ObservabilityModule). */
const SHARED_CONTROLLER_DIRS = ['libs/platform/src', 'libs/observability/src'];

/** One HTTP route as a controller declares it, with its guard and roles as the decorators say. */
export interface DeclaredRoute {
  readonly service: ServiceName;
  readonly method: HttpMethod;
  readonly route: string;
  readonly guarded: boolean;
  /** The handler's `@Roles`, else the controller's; undefined when neither has one. */
  readonly roles: readonly string[] | undefined;
  readonly file: string;
}

/**
 * Every route of every service, found by loading each source file that declares a `@Controller`
 * and reading Nest's route metadata from its classes: a new endpoint is found without a list to
 * keep up to date.
 */
export function declaredRoutes(): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const file of controllerFiles()) {
    const services = servicesOf(file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading by path found at run time
    const exported = require(join(REPO_ROOT, file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function' || Reflect.getMetadata('__controller__', value) !== true) {
        continue;
      }
      for (const route of routesOf(value as new (...args: never[]) => unknown)) {
        routes.push(...services.map((service) => ({ ...route, service, file })));
      }
    }
  }
  return routes;
}

function routesOf(controller: new (...args: never[]) => unknown): Omit<DeclaredRoute, 'service' | 'file'>[] {
  const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  const classGuards = (Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? [];
  const classRoles = Reflect.getMetadata(ROLES_METADATA, controller) as string[] | undefined;
  const prototype = controller.prototype as Record<string, unknown>;
  const routes: Omit<DeclaredRoute, 'service' | 'file'>[] = [];
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as object | undefined;
    if (typeof handler !== 'function' || name === 'constructor') {
      continue;
    }
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (method === undefined || paths === undefined) {
      continue;
    }
    const handlerGuards = (Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? [];
    const roles = (Reflect.getMetadata(ROLES_METADATA, handler) as string[] | undefined) ?? classRoles;
    for (const prefix of base) {
      for (const path of pathsOf(paths)) {
        routes.push({ method: RequestMethod[method] as HttpMethod, route: joinRoute(prefix, path), guarded: classGuards.length + handlerGuards.length > 0, roles });
      }
    }
  }
  return routes;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  return [typeof value === 'string' ? value : '/'];
}

function joinRoute(prefix: string, path: string): string {
  const joined = `/${[prefix, path].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/')}`;
  return joined;
}

function controllerFiles(): string[] {
  const roots = [...SERVICES.map((service) => join('apps', service, 'src')), ...SHARED_CONTROLLER_DIRS];
  return roots.flatMap((root) =>
    readdirSync(join(REPO_ROOT, root), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name))
      .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)))
      .filter((file) => readFileSync(join(REPO_ROOT, file), 'utf8').includes('@Controller(')),
  );
}

function servicesOf(file: string): readonly ServiceName[] {
  const app = /^apps\/([^/]+)\//.exec(file)?.[1];
  return app === undefined ? SERVICES : [app as ServiceName];
}
