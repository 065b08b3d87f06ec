import { publicationLatencySeconds } from './publication-latency';

describe('publicationLatencySeconds', () => {
  const receivedAt = '2026-11-01T12:00:00.000Z';

  it('is the time from receipt to the publishing commit, in seconds', () => {
    expect(publicationLatencySeconds(receivedAt, Date.parse('2026-11-01T12:00:00.350Z'))).toBe(0.35);
    expect(publicationLatencySeconds(receivedAt, Date.parse('2026-11-01T12:01:30.000Z'))).toBe(90);
  });

  it('has nothing to measure for an event written before the receipt time travelled', () => {
    expect(publicationLatencySeconds(undefined, Date.parse(receivedAt))).toBeNull();
  });

  it('has nothing to measure for an unreadable receipt time', () => {
    expect(publicationLatencySeconds('yesterday', Date.parse(receivedAt))).toBeNull();
  });

  it('counts a receipt stamped after the commit (another host clock ahead) as 0, not negative', () => {
    expect(publicationLatencySeconds('2026-11-01T12:00:00.200Z', Date.parse(receivedAt))).toBe(0);
  });
});
