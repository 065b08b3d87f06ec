import { randomBytes } from 'node:crypto';
import { Partitioners, type PartitionerArgs, type PartitionMetadata } from 'kafkajs';
import { javaCompatiblePartitioner, murmur2 } from './java-compatible-partitioner';

function partitions(count: number, leaderless: readonly number[] = []): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 1,
    replicas: [1],
    isr: [1],
  }));
}

function args(partitionMetadata: PartitionMetadata[], message: PartitionerArgs['message']): PartitionerArgs {
  return { topic: 't', partitionMetadata, message };
}

describe('murmur2', () => {
  it('gives the Java client’s hashes (Kafka UtilsTest.testMurmur2)', () => {
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from('abc'))).toBe(479470107);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(murmur2('indicator--é✓')).toBe(murmur2(Buffer.from('indicator--é✓', 'utf8')));
  });
});

describe('javaCompatiblePartitioner', () => {
  const kafkajsDefault = Partitioners.DefaultPartitioner();
  const ours = javaCompatiblePartitioner();

  it('puts every keyed record where kafkajs’s default partitioner puts it, for any length and byte', () => {
    for (let length = 0; length < 300; length++) {
      const key = randomBytes(length);
      for (const count of [1, 2, 3, 7, 12]) {
        const metadata = partitions(count);
        expect(ours(args(metadata, { key, value: null }))).toBe(kafkajsDefault(args(metadata, { key, value: null })));
        const text = key.toString('latin1');
        expect(ours(args(metadata, { key: text, value: null }))).toBe(kafkajsDefault(args(metadata, { key: text, value: null })));
      }
    }
  });

  it('keeps a partition the record names', () => {
    expect(ours(args(partitions(4), { key: 'k', value: null, partition: 3 }))).toBe(3);
  });

  it('spreads keyless records over the partitions with a leader, in turn', () => {
    const metadata = partitions(4, [1]);
    const chosen = Array.from({ length: 6 }, () => ours(args(metadata, { value: null })));
    expect(new Set(chosen)).toEqual(new Set([0, 2, 3]));
    expect(chosen[3]).toBe(chosen[0]);
  });
});
