/**
 * The order in which a statement writes its rows' keys (by UTF-16 code unit): statements that
 * share keys then take their locks in one order and wait for each other, never in a cycle (a
 * deadlock).
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
