import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '@ais/taxii';

/** The one collection of TAXII root `federal`: every published version, the same for every entity. */
export const FEDERAL_COLLECTION_ID = '5e3f6c1a-2b7d-4c8e-9f0a-1d2c3b4a5e6f';

/** Required by TAXII; this root takes no POST, so it is only the bound announced to clients. */
export const FEDERAL_MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

export const FEDERAL_API_ROOT = {
  title: 'AIS Exchange federal feed',
  description: 'Cyber threat indicators and defensive measures shared through AIS, for the appropriate federal entities (CISA 2015 §105(c)).',
  versions: [TAXII_MEDIA_TYPE],
  max_content_length: FEDERAL_MAX_CONTENT_LENGTH,
} as const;

export const FEDERAL_COLLECTION = {
  id: FEDERAL_COLLECTION_ID,
  title: 'AIS published indicators',
  description: 'Every published version of every object, in the order it was added.',
  alias: 'ais-published',
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
} as const;
