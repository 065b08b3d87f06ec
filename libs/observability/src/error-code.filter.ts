import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { throwError, type Observable } from 'rxjs';

/** A domain error with a stable string code; the filter maps it to an HTTP status. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    /** Safe to show: names rules and fields, never a submitted value. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CodedError';
  }
}

/**
 * Every HTTP error leaves as JSON with a code and a reason; unknown errors become a 500 whose log line
 * carries the error's class only (messages may quote submitted values).
 */
@Catch()
export class ErrorCodeFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorCodeFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') {
      // Kafka transports need the original error to tell transient failures from poison records.
      return throwError(() => exception);
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof CodedError) {
      response.status(exception.status).json({ code: exception.code, reason: exception.reason });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const reason = typeof body === 'string' ? body : (body as { message?: unknown }).message ?? exception.message;
      response.status(exception.getStatus()).json({ code: `AIS_HTTP_${exception.getStatus()}`, reason });
      return;
    }
    const message = `unhandled ${exception instanceof Error ? exception.name : typeof exception}`;
    // The access log's logger for this request carries its id (method, path), so the line can be matched to it.
    const requestLog = host.switchToHttp().getRequest<Request & { log?: Pino }>().log;
    if (requestLog === undefined) {
      this.logger.error(message);
    } else {
      requestLog.error({ context: 'ErrorCodeFilter' }, message);
    }
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'AIS_INTERNAL', reason: 'internal error' });
  }
}
