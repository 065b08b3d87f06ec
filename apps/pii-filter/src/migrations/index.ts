/** pii-filter's schema; detector rules and known-good lists come with issue 4. */
export const PII_FILTER_SCHEMA = { schema: 'screening', migrations: [] };
