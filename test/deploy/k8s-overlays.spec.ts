import { FEDERAL_ENTITIES } from '@ais/auth';
import { TOPIC_SPECS, Topics, type TopicSpec } from '@ais/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVELOPMENT_ADMIN_TOKEN, DEVELOPMENT_MASTER_KEY, loadServiceConfig } from '@ais/config';
import { MIN_INSYNC_REPLICAS, serviceAcls, staleFiles, TOPIC_PARTITIONS } from '../../scripts/deploy/generate-manifests';
import { consumedTopics, SERVICES, topicsOf, writtenTopics } from '../../scripts/deploy/service-catalog';
import { committedSecretProblems, deploymentProblems, federalUserProblems, topicProblems } from './support/manifest-checks';
import { parseYamlFile, renderKustomization, yamlFilesUnder, type K8sObject } from './support/kustomize-render';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');
const OVERLAYS = ['dev', 'prod'] as const;
const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, renderKustomization(join(DEPLOY, 'k8s', 'overlays', overlay))])) as Record<(typeof OVERLAYS)[number], K8sObject[]>;
const find = (objects: readonly K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);

describe('deploy/k8s', () => {
  it('parses every YAML file under deploy/', () => {
    const files = yamlFilesUnder(DEPLOY);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(() => parseYamlFile(file)).not.toThrow();
    }
  });

  it('commits the generated manifests exactly as a fresh generation writes them', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('lists the consumer groups and event types the apps subscribe with', () => {
    for (const service of SERVICES) {
      const sources = appSources(join(ROOT, 'apps', service.name, 'src'));
      const groupIds = new Map(sources.flatMap((text) => [...text.matchAll(/export const (\w+_GROUP) = '([^']+)'/g)].map((match) => [match[1]!, match[2]!] as const)));
      expect(service.groups.map((group) => group.id).sort()).toEqual([...new Set(groupIds.values())].sort());
      // Groups that name their types one by one (`consumes(GROUP, 'Type')`) must list the same types.
      const typesByGroup = new Map<string, Set<string>>();
      for (const [, constant, type] of sources.flatMap((text) => [...text.matchAll(/consumes\((\w+_GROUP), '(\w+)'\)/g)])) {
        const id = groupIds.get(constant!)!;
        typesByGroup.set(id, (typesByGroup.get(id) ?? new Set()).add(type!));
      }
      for (const [id, types] of typesByGroup) {
        expect([id, [...service.groups.find((group) => group.id === id)!.types].sort()]).toEqual([id, [...types].sort()]);
      }
    }
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const objects = rendered[overlay];

    it('has a KafkaTopic for every topic of the contracts and its dead letters', () => {
      expect(topicProblems(objects, TOPIC_SPECS)).toEqual([]);
    });

    it('runs Kafka in KRaft with three brokers, three replicas and two in sync', () => {
      const kafka = find(objects, 'Kafka', 'ais-kafka')!;
      const config = ((kafka.spec as { kafka: { config: Record<string, unknown> } }).kafka.config);
      expect(kafka.metadata.annotations).toMatchObject({ 'strimzi.io/kraft': 'enabled', 'strimzi.io/node-pools': 'enabled' });
      expect(config).toMatchObject({ 'default.replication.factor': 3, 'min.insync.replicas': MIN_INSYNC_REPLICAS, 'auto.create.topics.enable': false });
      expect((find(objects, 'KafkaNodePool', 'brokers')!.spec as { replicas: number }).replicas).toBe(3);
    });

    it('gives every federal entity a KafkaUser that reads only the output topic with its own groups', () => {
      expect(FEDERAL_ENTITIES.length).toBeGreaterThan(0);
      expect(federalUserProblems(objects, FEDERAL_ENTITIES, Topics.disseminationPublished)).toEqual([]);
    });

    it('lets each service write only the topics it owns and the dead letters of what it reads', () => {
      for (const service of SERVICES) {
        const user = find(objects, 'KafkaUser', `ais-${service.name}`);
        expect(user).toBeDefined();
        const acls = ((user!.spec as { authorization: { acls: { resource: { type: string; name: string }; operations: string[] }[] } }).authorization.acls);
        const writes = acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Write')).map((acl) => acl.resource.name).sort();
        const owned = TOPIC_SPECS.filter((spec) => spec.producer === service.name).map((spec) => spec.name);
        expect(writes).toEqual(writtenTopics(service));
        expect(writes.filter((topic) => !owned.includes(topic) && !topic.endsWith('.dlq'))).toEqual([]);
        expect(acls.filter((acl) => acl.operations.includes('Create') || acl.operations.includes('All') || acl.operations.includes('Delete'))).toEqual([]);
      }
    });

    it('gives every Deployment probes on /health, limits, a non-root read-only container, a Service and a PodDisruptionBudget', () => {
      expect(objects.filter((object) => object.kind === 'Deployment')).toHaveLength(SERVICES.length);
      expect(deploymentProblems(objects)).toEqual([]);
    });

    it('autoscales every service on the lag of its groups, never past the partitions', () => {
      for (const service of SERVICES) {
        const scaled = find(objects, 'ScaledObject', service.name)!.spec as { maxReplicaCount: number; triggers: { type: string; metadata: { consumerGroup: string } }[] };
        expect(scaled.triggers.map((trigger) => trigger.metadata.consumerGroup).sort()).toEqual(service.groups.map((group) => group.id).sort());
        expect(scaled.maxReplicaCount).toBeLessThanOrEqual(TOPIC_PARTITIONS);
        for (const topic of consumedTopics(service)) {
          const partitions = (find(objects, 'KafkaTopic', topic)!.spec as { partitions: number }).partitions;
          expect(scaled.maxReplicaCount).toBeLessThanOrEqual(partitions);
        }
      }
    });

    it('routes both TAXII roots and discovery under one host with client certificates', () => {
      const ingress = find(objects, 'Ingress', 'taxii')!;
      const rules = (ingress.spec as { rules: { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] }).rules;
      expect(rules).toHaveLength(1);
      expect(Object.fromEntries(rules[0]!.http.paths.map((path) => [path.path, path.backend.service.name]))).toEqual({
        '/taxii2/': 'ingest-gateway',
        '/ingest/': 'ingest-gateway',
        '/federal/': 'version-publisher',
      });
      expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/auth-tls-verify-client']).toBe('on');
      expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/auth-tls-secret']).toBe(`${ingress.metadata.namespace}/ais-client-ca`);
    });

    it('puts every namespaced object in the overlay namespace', () => {
      const namespace = find(objects, 'Namespace', overlay === 'dev' ? 'ais-dev' : 'ais');
      expect(namespace).toBeDefined();
      expect(objects.filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== namespace!.metadata.name)).toEqual([]);
    });

    it('commits no secret value', () => {
      expect(committedSecretProblems(objects)).toEqual([]);
      const text = yamlFilesUnder(DEPLOY).map((file) => readFileSync(file, 'utf8')).join('\n');
      expect(text).not.toContain(DEVELOPMENT_ADMIN_TOKEN);
      expect(text).not.toContain(DEVELOPMENT_MASTER_KEY);
      expect(text).not.toMatch(/postgres(ql)?:\/\/[^\s:@/]+:[^\s@/]+@/);
    });

    it("gives every service a configuration it accepts: the ConfigMap's values and each Secret it names", () => {
      const config = find(objects, 'ConfigMap', 'ais-config')!.data as Record<string, string>;
      for (const deployment of objects.filter((object) => object.kind === 'Deployment' && SERVICES.some((service) => service.name === object.metadata.name))) {
        const env = { ...config, ...Object.fromEntries(containerEnv(deployment).map((variable) => [variable.name, variable.value ?? SECRET_PLACEHOLDERS[variable.name] ?? 'from-a-secret'])) };
        expect(() => loadServiceConfig(env)).not.toThrow();
        expect([deployment.metadata.name, loadServiceConfig(env).security.AIS_KEY_STORE]).toEqual([deployment.metadata.name, overlay === 'prod' ? 'vault' : 'postgres']);
        if (overlay === 'prod') {
          expect(containerEnv(deployment).find((variable) => variable.name === 'AIS_VAULT_TOKEN')?.valueFrom).toEqual({ secretKeyRef: { name: 'ais-vault', key: 'token' } });
        }
      }
    });

    it('loads the Grafana dashboards into a ConfigMap', () => {
      const dashboard = find(objects, 'ConfigMap', 'grafana-dashboard-audit')!;
      expect(JSON.parse((dashboard.data as Record<string, string>)['audit-dashboard.json']!)).toHaveProperty('panels');
    });
  });

  describe('the checks themselves', () => {
    const objects = rendered.prod;

    it('notice a topic added to the contracts without a KafkaTopic', () => {
      const added: TopicSpec = { name: 'ais.example.new.v1', producer: 'ingest-gateway', retentionMs: -1, cleanupPolicy: 'delete', unsanitised: false };
      expect(topicProblems(objects, [...TOPIC_SPECS, added])).toEqual(['no KafkaTopic for ais.example.new.v1', 'no KafkaTopic for ais.example.new.v1.dlq']);
    });

    it('notice an entity without a user and a user with a wider grant', () => {
      expect(federalUserProblems(objects, ['nasa'], Topics.disseminationPublished)).toEqual(['no KafkaUser for nasa']);
      expect(federalUserProblems(objects, ['commerce'], Topics.pipelineScreened)).toHaveLength(1);
    });

    it('notice a Deployment without probes or limits and a committed secret', () => {
      const broken = objects.map((object) =>
        object.kind === 'Deployment' && object.metadata.name === 'pii-filter'
          ? { ...object, spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'AIS_ADMIN_TOKEN', value: 'x' }] }] } } } }
          : object,
      );
      expect(deploymentProblems(broken).filter((problem) => problem.startsWith('pii-filter/app'))).toHaveLength(7);
      expect(committedSecretProblems(broken)).toEqual(['pii-filter: AIS_ADMIN_TOKEN is a literal']);
    });
  });

  it('reads each consumed topic in a service ACL (sanity of the catalog)', () => {
    for (const service of SERVICES) {
      const reads = serviceAcls(service).filter((acl) => acl.operations.includes('Read') && acl.type === 'topic').map((acl) => acl.name);
      expect(reads.sort()).toEqual(service.groups.flatMap(topicsOf).filter((topic, index, all) => all.indexOf(topic) === index).sort());
    }
  });
});

/** The TypeScript sources of an app (tests left out), as text. */
function appSources(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.spec.ts'))
    .map((entry) => readFileSync(join(directory, entry), 'utf8'));
}

interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: unknown;
}

/** Well-formed stand-ins for the values Secrets hold in a cluster. */
const SECRET_PLACEHOLDERS: Readonly<Record<string, string>> = {
  DATABASE_URL: 'postgres://ais@db.ais.example:5432/ais',
  AIS_ADMIN_TOKEN: 'admin-token-from-a-secret',
  AIS_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
};

function containerEnv(deployment: K8sObject): EnvVar[] {
  const containers = (deployment.spec as { template: { spec: { containers: { name: string; env?: EnvVar[] }[] } } }).template.spec.containers;
  return containers.find((container) => container.name === 'app')?.env ?? [];
}
