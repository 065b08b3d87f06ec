import { cookieValue } from '@ais/auth';
import type { ServiceConfig } from '@ais/config';
import { SERVICE_CONFIG } from '@ais/platform';
import { Controller, Get, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ManualChannelsMetrics } from '../manual-channels.metrics';
import { ManualSubmissionAdapter } from '../manual-submission.adapter';
import { FIELD_NAMES, FIELDS_ONLY, validateManualFields, type RawFields } from '../manual-submission.dto';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_MAX_AGE_MS, csrfKeyFrom, CsrfTokens } from './csrf';
import { sendHtml } from './html-response';
import { FixedWindowRateLimiter } from './rate-limiter';
import { renderForm, renderMessage, renderThanks } from './submit-form.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The public web form (§3.2.1): `GET /submit` shows it, `POST /submit` checks the CSRF token, the
 * client's rate and the fields, and either shows the form again with a message per field (422) or
 * takes the submission to the analysts' triage queue and redirects (303) to a thank-you page with
 * the reference number. No authentication: the form is public by design.
 */
@Controller('submit')
export class SubmitFormController {
  private readonly logger = new Logger(SubmitFormController.name);
  private readonly csrf: CsrfTokens;
  private readonly limiter: FixedWindowRateLimiter;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly submissions: ManualSubmissionAdapter,
    private readonly metrics: ManualChannelsMetrics,
  ) {
    this.csrf = new CsrfTokens(csrfKeyFrom(config.security.AIS_MASTER_KEY));
    this.limiter = new FixedWindowRateLimiter(config.manualChannels.AIS_WEB_FORM_POSTS_PER_MINUTE);
  }

  @Get()
  form(@Req() request: Request, @Res() response: Response): void {
    const token = this.issueToken(request, response, Date.now());
    // Sharing nothing about the submitter is the default; every other choice is the submitter's.
    sendHtml(response, 200, renderForm({ values: { consent: 'none' }, problems: [], csrfToken: token }));
  }

  @Get('thanks')
  thanks(@Req() request: Request, @Res() response: Response): void {
    const reference = request.query.ref;
    sendHtml(response, 200, renderThanks(typeof reference === 'string' && UUID.test(reference) ? reference : null));
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const now = Date.now();
    const rate = this.limiter.take(request.ip ?? request.socket.remoteAddress ?? 'unknown', now);
    if (!rate.allowed) {
      this.metrics.submission('web-form', 'rate-limited');
      sendHtml(response, 429, renderMessage('Too many submissions', 'Too many submissions came from your network in the last minute. Please wait a minute and try again.'), {
        'Retry-After': String(rate.retryAfterSeconds),
      });
      return;
    }
    const body = isRecord(request.body) ? request.body : {};
    if (!this.csrf.verify(body[CSRF_FIELD], cookieValue(request.headers.cookie, CSRF_COOKIE), now)) {
      this.metrics.submission('web-form', 'csrf-refused');
      sendHtml(response, 403, renderMessage('Please submit the form again', 'The form expired or was not sent from this site. Open the form again, fill it in and submit it.'));
      return;
    }
    const values = rawFieldsOf(body);
    const validation = validateManualFields(values, FIELDS_ONLY);
    if (!validation.ok) {
      this.metrics.submission('web-form', 'invalid');
      sendHtml(response, 422, renderForm({ values, problems: validation.problems, csrfToken: this.issueToken(request, response, now) }));
      return;
    }
    let submissionId: string;
    try {
      submissionId = await this.submissions.submit('web-form', validation.fields, null, new Date(now));
    } catch (error) {
      this.metrics.submission('web-form', 'failed');
      this.logger.error(`web-form submission not written (${error instanceof Error ? error.name : typeof error})`);
      sendHtml(response, 503, renderMessage('Submission not received', 'We could not take your submission right now. Please try again in a few minutes.'), { 'Retry-After': '60' });
      return;
    }
    this.metrics.submission('web-form', 'accepted');
    response.status(303).set({ Location: `/submit/thanks?ref=${submissionId}`, 'Cache-Control': 'no-store' }).end();
  }

  /** A token for the page, bound to the visitor's cookie (set when missing). */
  private issueToken(request: Request, response: Response, now: number): string {
    const existing = cookieValue(request.headers.cookie, CSRF_COOKIE);
    const issued = existing !== undefined && /^[A-Za-z0-9_-]{16,64}$/.test(existing) ? this.csrf.issue(now, existing) : this.csrf.issue(now);
    response.cookie(CSRF_COOKIE, issued.cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/submit',
      maxAge: CSRF_MAX_AGE_MS,
    });
    return issued.token;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the form's own fields, and only single string values (a repeated field counts as absent). */
function rawFieldsOf(body: Record<string, unknown>): RawFields {
  const fields: RawFields = {};
  for (const name of FIELD_NAMES) {
    const value = body[name];
    if (typeof value === 'string') {
      fields[name] = value;
    }
  }
  return fields;
}
