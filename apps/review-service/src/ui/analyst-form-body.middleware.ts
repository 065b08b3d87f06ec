import { Injectable, type NestMiddleware } from '@nestjs/common';
import { urlencoded, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { sendHtml } from './analyst-html-response';
import { renderMessage } from './analyst-ui.view';

/** Above a redaction of the longest allowed text for a few fields, far below anything harmful. */
export const MAX_FORM_BYTES = 256 * 1024;

/**
 * Parses the analyst UI's forms (application/x-www-form-urlencoded). A body over the limit or
 * unreadable gets an HTML page (413/400) instead of the framework's JSON error.
 */
@Injectable()
export class AnalystFormBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler = urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 2_100 });

  use(request: Request, response: Response, next: NextFunction): void {
    this.parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) {
        next();
        return;
      }
      const status = (error as { status?: unknown }).status;
      if (status === 413) {
        sendHtml(response, 413, renderMessage('Form too large', `A form may send at most ${MAX_FORM_BYTES / 1024} KiB.`, null));
        return;
      }
      sendHtml(response, 400, renderMessage('Form not readable', 'The form data could not be read. Please try again.', null));
    });
  }
}
