import { Injectable, type NestMiddleware } from '@nestjs/common';
import { urlencoded, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ManualChannelsMetrics } from '../manual-channels.metrics';
import { renderMessage } from './submit-form.view';
import { sendHtml } from './html-response';

/** The form's body limit: far above what its fields allow, far below anything harmful. */
export const MAX_FORM_BYTES = 32 * 1024;

/**
 * Parses `POST /submit` (application/x-www-form-urlencoded, at most 32 KiB and 64 fields). A body
 * over the limit or unreadable gets an HTML page (413/400) instead of the framework's error.
 */
@Injectable()
export class FormBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler = urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 64 });

  constructor(private readonly metrics: ManualChannelsMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) {
        next();
        return;
      }
      const status = (error as { status?: unknown }).status;
      if (status === 413) {
        this.metrics.submission('web-form', 'too-large');
        sendHtml(response, 413, renderMessage('Submission too large', `The form may send at most ${MAX_FORM_BYTES / 1024} KiB. Please shorten the description or the recommended action.`));
        return;
      }
      this.metrics.submission('web-form', 'unreadable');
      sendHtml(response, typeof status === 'number' && status >= 400 && status < 500 ? status : 400, renderMessage('Submission not readable', 'The form data could not be read. Please submit the form again.'));
    });
  }
}
