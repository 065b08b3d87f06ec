/**
 * Renders a kustomization the way `kustomize build` does, for exactly the features deploy/k8s uses
 * (kustomize itself is not installed on the build machine): `resources` (files and
 * kustomization directories), `namespace`, `labels` (metadata only), `images`, `patches`
 * (strategic merge, by the patch's kind and name or by a `target` of kind and label selector),
 * `configMapGenerator` from files with `generatorOptions` (no name hash). Any other field fails
 * the render, so the manifests cannot silently drift outside what this checks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import YAML from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

type Json = Record<string, unknown>;

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches', 'configMapGenerator', 'generatorOptions']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition']);

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every YAML document of a file; a syntax error fails with the file's name. */
export function parseYamlFile(path: string): unknown[] {
  return YAML.parseAllDocuments(readFileSync(path, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${path}: ${document.errors.map((error) => error.message).join('; ')}`);
    }
    const value: unknown = document.toJSON();
    return value === null || value === undefined ? [] : [value];
  });
}

function asObject(value: unknown, where: string): K8sObject {
  if (!isObject(value) || typeof value.kind !== 'string' || !isObject(value.metadata) || typeof value.metadata.name !== 'string') {
    throw new Error(`${where}: not a Kubernetes object (kind and metadata.name)`);
  }
  return value as unknown as K8sObject;
}

/** Strategic merge as kustomize does it for these manifests: maps merge, lists of named items merge by name, other lists are replaced. */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const merged: Json = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      merged[key] = key in base ? strategicMerge(base[key], value) : value;
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((item) => isObject(item) && typeof item.name === 'string')) {
    const merged: unknown[] = [...(base as unknown[])];
    for (const item of patch as Json[]) {
      const index = merged.findIndex((existing) => isObject(existing) && existing.name === item.name);
      if (index >= 0) {
        merged[index] = strategicMerge(merged[index], item);
      } else {
        merged.push(item);
      }
    }
    return merged;
  }
  return patch;
}

function matchesSelector(object: K8sObject, selector: string): boolean {
  return selector.split(',').every((pair) => {
    const [key = '', value] = pair.split('=');
    return object.metadata.labels?.[key.trim()] === value?.trim();
  });
}

function applyPatch(objects: K8sObject[], patchPath: string, target: Json | undefined): K8sObject[] {
  const [patch, ...more] = parseYamlFile(patchPath);
  if (patch === undefined || more.length > 0) {
    throw new Error(`${patchPath}: a patch file holds exactly one document`);
  }
  const body = asObject(patch, patchPath);
  const matches = (object: K8sObject) =>
    target === undefined
      ? object.kind === body.kind && object.metadata.name === body.metadata.name
      : object.kind === target.kind &&
        (typeof target.name !== 'string' || object.metadata.name === target.name) &&
        (typeof target.labelSelector !== 'string' || matchesSelector(object, target.labelSelector));
  if (!objects.some(matches)) {
    throw new Error(`${patchPath}: the patch matches no resource`);
  }
  return objects.map((object) => {
    if (!matches(object)) {
      return object;
    }
    // A targeted patch keeps the target's name, as kustomize does.
    const { metadata, ...rest } = body;
    const patchBody = target === undefined ? body : { ...rest, metadata: { ...metadata, name: object.metadata.name } };
    return strategicMerge(object, patchBody) as K8sObject;
  });
}

function generateConfigMaps(directory: string, kustomization: Json): K8sObject[] {
  const generators = (kustomization.configMapGenerator ?? []) as Json[];
  if (generators.length === 0) {
    return [];
  }
  const options = (kustomization.generatorOptions ?? {}) as Json;
  if (options.disableNameSuffixHash !== true) {
    throw new Error(`${directory}: configMapGenerator needs generatorOptions.disableNameSuffixHash: true here`);
  }
  return generators.map((generator) => {
    const data: Record<string, string> = {};
    for (const file of (generator.files ?? []) as string[]) {
      const [key, path] = file.includes('=') ? (file.split('=', 2) as [string, string]) : [basename(file), file];
      data[key] = readFileSync(join(directory, path), 'utf8');
    }
    const labels = { ...((options.labels ?? {}) as Record<string, string>) };
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: String(generator.name), labels }, data };
  });
}

function setImages(object: K8sObject, images: readonly Json[]): K8sObject {
  const retag = (container: Json): Json => {
    const image = String(container.image);
    const rule = images.find((entry) => entry.name === image.replace(/[:@].*$/, ''));
    if (rule === undefined) {
      return container;
    }
    const name = typeof rule.newName === 'string' ? rule.newName : String(rule.name);
    return { ...container, image: typeof rule.newTag === 'string' ? `${name}:${rule.newTag}` : name };
  };
  const template = (object.spec as Json | undefined)?.template as Json | undefined;
  const podSpec = template?.spec as Json | undefined;
  if (podSpec === undefined || !Array.isArray(podSpec.containers)) {
    return object;
  }
  return strategicMerge(object, { spec: { template: { spec: { containers: (podSpec.containers as Json[]).map(retag) } } } }) as K8sObject;
}

/** The objects `kustomize build <directory>` would print, in order. */
export function renderKustomization(directory: string): K8sObject[] {
  const kustomization = parseYamlFile(join(directory, 'kustomization.yaml'))[0];
  if (!isObject(kustomization)) {
    throw new Error(`${directory}: kustomization.yaml is empty`);
  }
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) {
    throw new Error(`${directory}: unsupported kustomization fields ${unsupported.join(', ')}`);
  }
  let objects: K8sObject[] = [];
  for (const resource of (kustomization.resources ?? []) as string[]) {
    const path = join(directory, resource);
    if (!existsSync(path)) {
      throw new Error(`${directory}: resource ${resource} does not exist`);
    }
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : parseYamlFile(path).map((value) => asObject(value, path))));
  }
  objects.push(...generateConfigMaps(directory, kustomization));
  for (const patch of (kustomization.patches ?? []) as Json[]) {
    objects = applyPatch(objects, join(directory, String(patch.path)), patch.target as Json | undefined);
  }
  const namespace = kustomization.namespace;
  if (typeof namespace === 'string') {
    objects = objects.map((object) => (CLUSTER_SCOPED.has(object.kind) ? object : { ...object, metadata: { ...object.metadata, namespace } }));
  }
  for (const rule of (kustomization.labels ?? []) as Json[]) {
    const pairs = (rule.pairs ?? {}) as Record<string, string>;
    objects = objects.map((object) => ({ ...object, metadata: { ...object.metadata, labels: { ...object.metadata.labels, ...pairs } } }));
  }
  const images = (kustomization.images ?? []) as Json[];
  if (images.length > 0) {
    objects = objects.map((object) => setImages(object, images));
  }
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (seen.has(id)) {
      throw new Error(`${directory}: ${id} is defined twice`);
    }
    seen.add(id);
  }
  return objects;
}

/** Every YAML file below a directory. */
export function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(directory, entry))
    .filter((path) => /\.ya?ml$/.test(path) && statSync(path).isFile());
}
