import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { TAXII_MEDIA_TYPE } from './media-types';
import { TaxiiError } from './taxii-error';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

/**
 * Every error of a TAXII endpoint is a TAXII error resource with the TAXII media type, including
 * the guards' 401 (with `WWW-Authenticate`) and 403. `error_code` is the area's stable code, or
 * `AIS_HTTP_<status>` for errors raised by the framework.
 */
@Catch()
export class TaxiiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('TaxiiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toTaxiiError(exception);
    if (response.headersSent) {
      response.end();
      return;
    }
    if (error.status === HttpStatus.UNAUTHORIZED) {
      response.setHeader('WWW-Authenticate', 'Basic realm="AIS Exchange TAXII", charset="UTF-8"');
    }
    // `end`, not `send`: Express would append a charset to the media type.
    response.status(error.status).setHeader('Content-Type', TAXII_MEDIA_TYPE);
    response.end(JSON.stringify(error.body()));
  }

  private toTaxiiError(exception: unknown): TaxiiError {
    if (exception instanceof TaxiiError) {
      return exception;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const description = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
      return new TaxiiError(status, TITLES[status] ?? 'Error', description, `AIS_HTTP_${status}`);
    }
    this.logger.error(`unhandled ${exception instanceof Error ? exception.name : typeof exception}`);
    return new TaxiiError(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal Server Error', undefined, 'AIS_INTERNAL');
  }
}
