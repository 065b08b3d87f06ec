/**
 * Seconds from a submission's receipt by the pipeline to the commit that published its objects,
 * or null when there is nothing to measure: no receipt time (an event from before it travelled)
 * or an unreadable one. A receipt "after" publication (clocks of two hosts apart) counts as 0.
 */
export function publicationLatencySeconds(receivedAt: string | undefined, publishedAtMs: number): number | null {
  if (receivedAt === undefined) {
    return null;
  }
  const receivedAtMs = Date.parse(receivedAt);
  if (Number.isNaN(receivedAtMs)) {
    return null;
  }
  return Math.max(0, publishedAtMs - receivedAtMs) / 1000;
}
