import { isAbaRoutingValid } from './aba';
import { isIbanChecksumValid, isValidIban } from './iban';
import { cidrWithin, embeddedIPv4, parseCidr, parseIPv4, parseIPv6 } from './ip';
import { isLuhnValid } from './luhn';

describe('Luhn', () => {
  it.each(['4111111111111111', '5500005555555559', '378282246310005', '6011111111111117', '79927398713'])('accepts %s', (digits) => {
    expect(isLuhnValid(digits)).toBe(true);
  });
  it.each(['4111111111111112', '1234567812345678', '79927398710', '0', '', '4111-1111-1111-1111'])('rejects %s', (digits) => {
    expect(isLuhnValid(digits)).toBe(false);
  });
});

describe('IBAN', () => {
  it('accepts registry examples with the right length and checksum', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
  });
  it('rejects a wrong checksum, a wrong length and an unknown country', () => {
    expect(isIbanChecksumValid('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false); // 21 characters, DE needs 22
    expect(isValidIban('XX89370400440532013000')).toBe(false);
    expect(isValidIban('de89370400440532013000')).toBe(false); // callers upper-case first
  });
});

describe('ABA routing numbers', () => {
  it('accepts valid and rejects invalid checksums', () => {
    expect(isAbaRoutingValid('021000021')).toBe(true);
    expect(isAbaRoutingValid('011000015')).toBe(true);
    expect(isAbaRoutingValid('021000022')).toBe(false);
    expect(isAbaRoutingValid('000000000')).toBe(false);
    expect(isAbaRoutingValid('02100002')).toBe(false);
  });
});

describe('strict IP parsing', () => {
  it('reads canonical dotted-decimal IPv4 only', () => {
    expect(parseIPv4('192.0.2.1')).toEqual([192, 0, 2, 1]);
    expect(parseIPv4('0.0.0.0')).toEqual([0, 0, 0, 0]);
    expect(parseIPv4('255.255.255.255')).toEqual([255, 255, 255, 255]);
  });
  it.each(['1.2.3', '127.1', '010.0.0.1', '0x7f.0.0.1', '256.1.1.1', '1.2.3.4.5', ' 1.2.3.4', '1..2.3', '1.2.3.4/8', ''])('rejects %p', (text) => {
    expect(parseIPv4(text)).toBeNull();
  });
  it('reads RFC 4291 IPv6 forms', () => {
    expect(parseIPv6('::1')?.[15]).toBe(1);
    expect(parseIPv6('::')).toEqual(new Array(16).fill(0));
    expect(parseIPv6('2001:db8::8a2e:370:7334')?.slice(0, 4)).toEqual([0x20, 0x01, 0x0d, 0xb8]);
    expect(parseIPv6('fe80::1ff:fe23:4567:890a')?.[0]).toBe(0xfe);
    expect(embeddedIPv4(parseIPv6('::ffff:192.168.1.1') ?? [])).toEqual([192, 168, 1, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')?.[15]).toBe(8);
  });
  it.each([':::', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', ':1:2', '1:2:', 'g::1', '::ffff:1.2.3', 'fe80::1%eth0'])('rejects %p', (text) => {
    expect(parseIPv6(text)).toBeNull();
  });
  it('parses CIDR blocks and tests containment', () => {
    const rfc1918 = parseCidr('10.0.0.0/8');
    const inside = parseCidr('10.1.2.3');
    const outside = parseCidr('11.0.0.1');
    expect(rfc1918 && inside && cidrWithin(rfc1918, inside)).toBe(true);
    expect(rfc1918 && outside && cidrWithin(rfc1918, outside)).toBe(false);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/08')).toBeNull();
    expect(parseCidr('fc00::/7')?.prefix).toBe(7);
  });
});
