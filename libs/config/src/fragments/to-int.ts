/**
 * class-transformer `@Transform` for integer settings: a string of digits becomes its number;
 * anything else stays as it is, so `@IsInt()` refuses it ('12abc' is not quietly 12).
 */
export const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);
