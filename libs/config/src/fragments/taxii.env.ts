import { IsUrl } from 'class-validator';

/** Where clients reach the two TAXII API roots; discovery lists both as absolute URLs. */
export class TaxiiEnv {
  @IsUrl({ require_tld: false, require_protocol: true })
  AIS_INGEST_ROOT_URL = 'http://127.0.0.1:8080/ingest/';

  @IsUrl({ require_tld: false, require_protocol: true })
  AIS_FEDERAL_ROOT_URL = 'http://127.0.0.1:8085/federal/';
}
