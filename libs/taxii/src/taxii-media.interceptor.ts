import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { acceptsTaxii, TAXII_MEDIA_TYPE } from './media-types';
import { TaxiiError } from './taxii-error';

/**
 * Content negotiation for TAXII endpoints: 406 when the client accepts no TAXII 2.1 type, and the
 * TAXII media type on every response (Express would otherwise say `application/json`).
 */
@Injectable()
export class TaxiiMediaInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (!acceptsTaxii(http.getRequest<Request>().headers.accept)) {
      throw new TaxiiError(HttpStatus.NOT_ACCEPTABLE, 'Not Acceptable', `the Accept header must allow ${TAXII_MEDIA_TYPE}`);
    }
    http.getResponse<Response>().setHeader('Content-Type', TAXII_MEDIA_TYPE);
    return next.handle();
  }
}
