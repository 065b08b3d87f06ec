import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { acceptsTaxii, TAXII_MEDIA_TYPE } from './media-types';
import { TaxiiError } from './taxii-error';

/**
 * Content negotiation for TAXII endpoints: 406 when the client accepts no TAXII 2.1 type, and the
 * exact TAXII media type on every response: Express would say `application/json`, and its
 * `send` appends `; charset=utf-8`, which strict clients compare against.
 */
@Injectable()
export class TaxiiMediaInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (!acceptsTaxii(http.getRequest<Request>().headers.accept)) {
      throw new TaxiiError(HttpStatus.NOT_ACCEPTABLE, 'Not Acceptable', `the Accept header must allow ${TAXII_MEDIA_TYPE}`, 'AIS_TAXII_NOT_ACCEPTABLE');
    }
    return next.handle().pipe(
      map((body: unknown) => {
        const bytes = Buffer.from(JSON.stringify(body), 'utf8');
        return new StreamableFile(bytes, { type: TAXII_MEDIA_TYPE, length: bytes.length });
      }),
    );
  }
}
