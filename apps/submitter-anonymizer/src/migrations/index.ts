import { CreateSubmitterIdentities1767200000000 } from './1767200000000-create-submitter-identities';

/** submitter-anonymizer's schema: sealed submitter identities and contact requests. */
export const SUBMITTER_ANONYMIZER_SCHEMA = { schema: 'anonymizer', migrations: [CreateSubmitterIdentities1767200000000] };
