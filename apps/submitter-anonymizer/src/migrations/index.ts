/** submitter-anonymizer's schema; submitter identities (sealed) and contact requests come with issue 4. */
export const SUBMITTER_ANONYMIZER_SCHEMA = { schema: 'anonymizer', migrations: [] };
