/**
 * What a rendered overlay must satisfy. Each check returns the problems it found (empty: fine), so
 * a test can show both that the manifests pass and that a broken input is caught.
 */
import { deadLetterTopicOf, type TopicSpec } from '@ais/contracts';
import type { K8sObject } from './kustomize-render';

type Json = Record<string, unknown>;

const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const spec = (object: K8sObject) => (object.spec ?? {}) as Json;

/** Every topic of the contracts and its dead-letter topic has a KafkaTopic with the contract's retention and cleanup policy. */
export function topicProblems(objects: readonly K8sObject[], specs: readonly TopicSpec[]): string[] {
  const topics = new Map(ofKind(objects, 'KafkaTopic').map((object) => [typeof spec(object).topicName === 'string' ? (spec(object).topicName as string) : object.metadata.name, spec(object)]));
  return specs.flatMap((topic) =>
    [topic.name, deadLetterTopicOf(topic.name)].flatMap((name) => {
      const found = topics.get(name);
      if (found === undefined) {
        return [`no KafkaTopic for ${name}`];
      }
      const config = (found.config ?? {}) as Json;
      const problems: string[] = [];
      if (String(config['retention.ms']) !== String(topic.retentionMs)) {problems.push(`${name}: retention.ms ${String(config['retention.ms'])}`);}
      if (config['cleanup.policy'] !== topic.cleanupPolicy) {problems.push(`${name}: cleanup.policy ${String(config['cleanup.policy'])}`);}
      if (found.replicas !== 3 || String(config['min.insync.replicas']) !== '2') {problems.push(`${name}: not 3 replicas with 2 in sync`);}
      return problems;
    }),
  );
}

/** Each entity's KafkaUser allows exactly Read+Describe of the output topic and of its own group prefix, nothing else. */
export function federalUserProblems(objects: readonly K8sObject[], entities: readonly string[], outputTopic: string): string[] {
  const users = new Map(ofKind(objects, 'KafkaUser').map((object) => [object.metadata.name, spec(object)]));
  return entities.flatMap((entity) => {
    const user = users.get(`federal-${entity}`);
    if (user === undefined) {
      return [`no KafkaUser for ${entity}`];
    }
    const acls = (((user.authorization ?? {}) as Json).acls ?? []) as Json[];
    const allowed = acls.map((acl) => {
      const resource = acl.resource as Json;
      return `${String(resource.type)}:${String(resource.name)}:${String(resource.patternType)}:${[...(acl.operations as string[])].sort().join('+')}`;
    });
    const expected = [`topic:${outputTopic}:literal:Describe+Read`, `group:federal.${entity}.:prefix:Describe+Read`];
    return JSON.stringify([...allowed].sort()) === JSON.stringify([...expected].sort()) ? [] : [`${entity}: ACLs ${allowed.join(', ')}`];
  });
}

/** Probes on /health, requests and limits, non-root, read-only root filesystem; and a Service and PodDisruptionBudget each. */
export function deploymentProblems(objects: readonly K8sObject[]): string[] {
  const names = (kind: string) => new Set(ofKind(objects, kind).map((object) => object.metadata.name));
  const services = names('Service');
  const budgets = names('PodDisruptionBudget');
  return ofKind(objects, 'Deployment').flatMap((deployment) => {
    const name = deployment.metadata.name;
    const pod = ((spec(deployment).template as Json).spec ?? {}) as Json;
    const podSecurity = (pod.securityContext ?? {}) as Json;
    const problems: string[] = [];
    if (!services.has(name)) {problems.push(`${name}: no Service`);}
    if (!budgets.has(name)) {problems.push(`${name}: no PodDisruptionBudget`);}
    for (const container of (pod.containers ?? []) as Json[]) {
      const where = `${name}/${String(container.name)}`;
      for (const probe of ['readinessProbe', 'livenessProbe']) {
        const path = ((container[probe] as Json | undefined)?.httpGet as Json | undefined)?.path;
        if (typeof path !== 'string' || !path.startsWith('/health')) {problems.push(`${where}: ${probe} not on /health`);}
      }
      const resources = (container.resources ?? {}) as Json;
      for (const bound of ['requests', 'limits']) {
        const values = (resources[bound] ?? {}) as Json;
        if (values.cpu === undefined || values.memory === undefined) {problems.push(`${where}: no cpu/memory ${bound}`);}
      }
      const security = (container.securityContext ?? {}) as Json;
      if (security.runAsNonRoot !== true && podSecurity.runAsNonRoot !== true) {problems.push(`${where}: may run as root`);}
      if (security.readOnlyRootFilesystem !== true) {problems.push(`${where}: writable root filesystem`);}
      if (security.allowPrivilegeEscalation !== false) {problems.push(`${where}: privilege escalation allowed`);}
    }
    return problems;
  });
}

const SECRET_NAME = /(PASSWORD|TOKEN|SECRET|MASTER_KEY|DATABASE_URL|PRIVATE)/;

/** No Secret carries data, and no secret-like variable has a literal value. */
export function committedSecretProblems(objects: readonly K8sObject[]): string[] {
  const secrets = ofKind(objects, 'Secret')
    .filter((secret) => secret.data !== undefined || secret.stringData !== undefined)
    .map((secret) => `Secret ${secret.metadata.name} holds values`);
  const literals = objects.flatMap((object) => {
    const pod = (((spec(object).template as Json | undefined)?.spec ?? {}) as Json).containers as Json[] | undefined;
    return (pod ?? []).flatMap((container) =>
      ((container.env ?? []) as Json[]).filter((env) => SECRET_NAME.test(String(env.name)) && env.value !== undefined).map((env) => `${object.metadata.name}: ${String(env.name)} is a literal`),
    );
  });
  const configValues = ofKind(objects, 'ConfigMap').flatMap((map) =>
    Object.keys((map.data ?? {}) as Json)
      .filter((key) => SECRET_NAME.test(key))
      .map((key) => `ConfigMap ${map.metadata.name}: ${key}`),
  );
  return [...secrets, ...literals, ...configValues];
}
