import { KafkaJSError } from 'kafkajs';
import { errorClassOf, isRetriable, RetriableError } from './errors';

describe('failure classification', () => {
  it.each([
    [new RetriableError('db restarting'), true],
    [Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('x'), { code: '57P01' }), true],
    [Object.assign(new Error('x'), { code: '40P01' }), true],
    // pg-pool's answer when every connection is busy for longer than the acquire timeout.
    [new Error('timeout exceeded when trying to connect'), true],
    [new KafkaJSError('x', { retriable: true }), true],
    [new KafkaJSError('x', { retriable: false }), false],
    [Object.assign(new Error('x'), { code: '23505' }), false],
    [new TypeError('bug'), false],
    ['a string', false],
  ])('%p retriable: %p', (error, expected) => {
    expect(isRetriable(error)).toBe(expected);
  });

  it('names an error by class and code only, never by message', () => {
    const error = Object.assign(new Error('value jane.doe@example.com rejected'), { code: '23505' });
    expect(errorClassOf(error)).toBe('Error:23505');
  });
});
