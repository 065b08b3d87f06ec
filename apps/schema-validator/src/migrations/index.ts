/** schema-validator's schema; the AIS Profile versions and change-control tables come with issue 3. */
export const SCHEMA_VALIDATOR_SCHEMA = { schema: 'validator', migrations: [] };
