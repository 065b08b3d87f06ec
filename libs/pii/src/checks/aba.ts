/** ABA routing transit number checksum: 3·d1 + 7·d2 + d3 + 3·d4 + … ≡ 0 (mod 10), nine digits. */
export function isAbaRoutingValid(digits: string): boolean {
  if (digits.length !== 9) {
    return false;
  }
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
    sum += d * (weights[i] ?? 0);
  }
  return sum % 10 === 0 && digits !== '000000000';
}
