import type { TopicMessages } from 'kafkajs';
import { splitIntoSends } from './send-size';

const record = (key: string, bytes: number) => ({ key, value: 'x'.repeat(bytes) });
const keysOf = (sends: TopicMessages[][]) => sends.map((send) => send.map(({ topic, messages }) => `${topic}:${messages.map((m) => m.key as string).join(',')}`));

describe('splitIntoSends', () => {
  it('keeps records that fit together in one send, one entry per topic', () => {
    const sends = splitIntoSends(
      [
        { topic: 'a', messages: [record('1', 10)] },
        { topic: 'b', messages: [record('2', 10)] },
        { topic: 'a', messages: [record('3', 10)] },
      ],
      100,
    );

    expect(keysOf(sends)).toEqual([['a:1,3', 'b:2']]);
  });

  it('starts a new send before the limit is passed, keeping the records in order', () => {
    const sends = splitIntoSends([{ topic: 'a', messages: [record('1', 40), record('2', 40), record('3', 40), record('4', 40)] }], 100);

    expect(keysOf(sends)).toEqual([['a:1,2'], ['a:3,4']]);
  });

  it('sends a record larger than the limit alone', () => {
    const sends = splitIntoSends([{ topic: 'a', messages: [record('1', 10), record('2', 500), record('3', 10)] }], 100);

    expect(keysOf(sends)).toEqual([['a:1'], ['a:2'], ['a:3']]);
  });

  it('has nothing to send for no records', () => {
    expect(splitIntoSends([], 100)).toEqual([]);
  });
});
