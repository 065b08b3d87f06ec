import { cardScheme, paymentCardDetector } from './payment-card.detector';

const detect = (text: string): string[] => paymentCardDetector.detect(text, { key: 'description' }).map((f) => text.slice(f.start, f.end));

describe('payment-card detector', () => {
  it('fires on Luhn-valid numbers of known schemes, grouped or compact', () => {
    expect(detect('card 4111 1111 1111 1111 used')).toEqual(['4111 1111 1111 1111']);
    expect(detect('5500-0055-5555-5559')).toEqual(['5500-0055-5555-5559']);
    expect(detect('amex 3782 822463 10005')).toEqual(['3782 822463 10005']);
    expect(detect('6011111111111117')).toEqual(['6011111111111117']);
  });
  it('rejects Luhn failures', () => {
    expect(detect('card 4111 1111 1111 1112')).toEqual([]);
  });
  it('rejects Luhn-valid numbers without a scheme or with a wrong length', () => {
    expect(detect('1234567812345670')).toEqual([]); // Luhn-valid, IIN 1: no scheme
    expect(cardScheme('411111111111111')).toBeUndefined(); // Visa with 15 digits
    expect(cardScheme('3400000000000009')).toBeUndefined(); // Amex needs 15
  });
  it('rejects mixed separators, digits glued to letters, and timestamps', () => {
    expect(detect('4111-1111 1111-1111')).toEqual([]);
    expect(detect('x4111111111111111 and 4111111111111111z')).toEqual([]);
    expect(detect('epoch 1700000000000')).toEqual([]);
  });
  it('takes a valid 16-digit card out of a longer spaced run (boundary)', () => {
    expect(detect('4111 1111 1111 1111 2222 3333')).toEqual(['4111 1111 1111 1111']);
  });
});
