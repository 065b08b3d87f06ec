import { randomInt } from 'node:crypto';
import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * The Java client's murmur2 (`org.apache.kafka.common.utils.Utils.murmur2`) in 32-bit integer
 * arithmetic. kafkajs computes the same hash through its 64-bit Long class, which allocated
 * several objects per key byte group and showed in every producer's profile.
 */
export function murmur2(key: Buffer | string): number {
  const data = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last one to three bytes, as the Java switch's fall-through cases take them.
  const tail = length % 4;
  if (tail > 0) {
    for (let i = tail - 1; i >= 0; i--) {
      h ^= data.readUInt8(whole + i) << (8 * i);
    }
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

/**
 * Where the Java client's default partitioner puts a record (kafkajs's `DefaultPartitioner` does
 * the same): the given partition; else murmur2 of the key; else round robin over the partitions
 * with a leader. A topic of one partition needs no hash at all, and one node deploys them so.
 */
export const javaCompatiblePartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  const nextOf = (topic: string): number => {
    const next = ((counters.get(topic) ?? randomInt(0x7fffffff)) + 1) & 0x7fffffff;
    counters.set(topic, next);
    return next;
  };
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) {
      return message.partition;
    }
    if (message.key !== null && message.key !== undefined) {
      return partitionMetadata.length === 1 ? 0 : (murmur2(message.key) & 0x7fffffff) % partitionMetadata.length;
    }
    const available = partitionMetadata.filter((partition) => partition.leader >= 0);
    const turn = nextOf(topic);
    const chosen = available[turn % Math.max(available.length, 1)];
    return chosen === undefined ? turn % partitionMetadata.length : chosen.partitionId;
  };
};
