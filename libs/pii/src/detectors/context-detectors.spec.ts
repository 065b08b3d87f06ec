import { bankAccountDetector } from './bank-account.detector';
import { driversLicenceDetector } from './drivers-licence.detector';
import { passportDetector } from './passport.detector';

const run = (detector: typeof bankAccountDetector, text: string, key = 'description'): string[] =>
  detector.detect(text, { key }).map((f) => text.slice(f.start, f.end));

describe('bank-account detector (context only)', () => {
  it('fires after an account word in the same sentence', () => {
    expect(run(bankAccountDetector, 'Please update account number 004512345678.')).toEqual(['004512345678']);
    expect(run(bankAccountDetector, 'Wire to acct 1234-5678-90 today')).toEqual(['1234-5678-90']);
  });
  it('checks ABA routing numbers', () => {
    expect(run(bankAccountDetector, 'routing 021000021')).toEqual(['021000021']);
    expect(run(bankAccountDetector, 'routing 021000022')).toEqual([]);
  });
  it('needs context, and the context must be in the same sentence', () => {
    expect(run(bankAccountDetector, 'Sample size 245760 bytes')).toEqual([]);
    expect(run(bankAccountDetector, 'The built-in Administrator account. Card 4457316745406246 failed')).toEqual([]);
    expect(run(bankAccountDetector, 'Acct. 12345678 was used')).toEqual(['12345678']);
  });
  it('uses the property name as context', () => {
    expect(run(bankAccountDetector, '12345678', 'x_account_number')).toEqual(['12345678']);
  });
  it('leaves cloud accounts alone and needs six digits (boundary)', () => {
    expect(run(bankAccountDetector, 'AWS account 123456789012 hosted the bucket')).toEqual([]);
    expect(run(bankAccountDetector, 'account 12345 and account 123456')).toEqual(['123456']);
  });
});

describe('passport detector (context only)', () => {
  it('fires after "passport"', () => {
    expect(run(passportDetector, 'passport number 123456789')).toEqual(['123456789']);
    expect(run(passportDetector, 'Passport No. X1234567 leaked')).toEqual(['X1234567']);
    expect(run(passportDetector, 'AB1234567', 'x_passport')).toEqual(['AB1234567']);
  });
  it('does not fire without context or on short numbers', () => {
    expect(run(passportDetector, 'order 123456789 shipped')).toEqual([]);
    expect(run(passportDetector, 'passport 12345')).toEqual([]);
  });
});

describe('drivers-licence detector (context only)', () => {
  it('fires after a driving-licence phrase', () => {
    expect(run(driversLicenceDetector, "driver's license D1234567")).toEqual(['D1234567']);
    expect(run(driversLicenceDetector, 'Driving licence S123-4567-8901 expired')).toEqual(['S123-4567-8901']);
    expect(run(driversLicenceDetector, '123456789', 'x_dl_number')).toEqual(['123456789']);
  });
  it('does not fire on software licences or short numbers', () => {
    expect(run(driversLicenceDetector, 'License number 12345-67890 for the product')).toEqual([]);
    expect(run(driversLicenceDetector, "driver's license 1234")).toEqual([]);
  });
});
