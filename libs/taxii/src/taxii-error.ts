import type { HttpStatus } from '@nestjs/common';

/** A TAXII error resource (TAXII 2.1 §3.6.1); `http_status` is a string, as the spec shows. */
export interface TaxiiErrorBody {
  readonly title: string;
  readonly description?: string;
  readonly error_code?: string;
  readonly http_status: string;
}

/** Thrown by TAXII endpoints; descriptions name rules and limits, never submitted values. */
export class TaxiiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly title: string,
    readonly description?: string,
    readonly errorCode?: string,
  ) {
    super(title);
    this.name = 'TaxiiError';
  }

  body(): TaxiiErrorBody {
    return { title: this.title, description: this.description, error_code: this.errorCode, http_status: String(this.status) };
  }
}
