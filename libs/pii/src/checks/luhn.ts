/** Luhn (mod 10) check over a string of ASCII digits; false for anything else or fewer than 2 digits. */
export function isLuhnValid(digits: string): boolean {
  if (digits.length < 2) {
    return false;
  }
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const code = digits.charCodeAt(i) - 48;
    if (code < 0 || code > 9) {
      return false;
    }
    let value = code;
    if (double) {
      value *= 2;
      if (value > 9) {
        value -= 9;
      }
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}
