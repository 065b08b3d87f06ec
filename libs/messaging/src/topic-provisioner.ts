import { deadLetterTopicOf, TOPIC_SPECS, type TopicSpec } from '@ais/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';

export interface TopicLayout {
  readonly partitions: number;
  readonly replicationFactor: number;
}

function configOf(spec: TopicSpec, layout: TopicLayout): ITopicConfig {
  return {
    topic: spec.name,
    numPartitions: layout.partitions,
    replicationFactor: layout.replicationFactor,
    configEntries: [
      { name: 'cleanup.policy', value: spec.cleanupPolicy },
      { name: 'retention.ms', value: String(spec.retentionMs) },
      { name: 'retention.bytes', value: '-1' },
    ],
  };
}

/** Every topic of the contracts and its dead-letter topic, as Kafka should have them. */
export function desiredTopics(layout: TopicLayout, topicPrefix = '', specs: readonly TopicSpec[] = TOPIC_SPECS): ITopicConfig[] {
  return specs.flatMap((spec) => [
    configOf({ ...spec, name: topicPrefix + spec.name }, layout),
    // One partition is enough for dead letters; they are rare and read by people.
    configOf({ ...spec, name: deadLetterTopicOf(topicPrefix + spec.name) }, { ...layout, partitions: 1 }),
  ]);
}

/**
 * Creates the missing topics. Idempotent, and safe when several services start at once: a topic
 * another service created in between counts as present.
 */
export async function ensureTopics(admin: Admin, topics: readonly ITopicConfig[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.topic));
  if (missing.length === 0) {
    return [];
  }
  try {
    // Leaders are awaited below: kafkajs's own wait gives up on the first "does not host this
    // topic-partition" a busy broker answers right after creating many topics.
    await admin.createTopics({ topics: missing, waitForLeaders: false });
  } catch (error) {
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') {
      throw error;
    }
  }
  await waitForLeaders(admin, missing.map((topic) => topic.topic));
  return missing.map((topic) => topic.topic);
}

/**
 * Deletes every topic whose name starts with `prefix` (an isolated copy of the system: a test's,
 * a benchmark's). Best effort for the caller to decide: a failure is thrown.
 */
export async function deleteTopicsWithPrefix(admin: Admin, prefix: string): Promise<void> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  if (topics.length > 0) {
    await admin.deleteTopics({ topics });
  }
}

/**
 * A topic another service created a moment ago may not have leaders yet ("This server does not
 * host this topic-partition"): wait for them, bounded, before anyone subscribes.
 */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) {
        return;
      }
    } catch (error) {
      if (attempt >= 40) {
        throw error;
      }
    }
    if (attempt >= 40) {
      throw new Error(`topics without leaders after ${attempt} attempts`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
