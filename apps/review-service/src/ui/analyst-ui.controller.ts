import { Authenticator, cookieValue, PrincipalRepository, type Principal } from '@ais/auth';
import type { ServiceConfig } from '@ais/config';
import { CodedError } from '@ais/observability';
import { SERVICE_CONFIG } from '@ais/platform';
import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HeldFieldClaimAdapter } from '../held-fields/held-field-claim.adapter';
import { HeldFieldDecisionAdapter } from '../held-fields/held-field-decision.adapter';
import { HeldFieldsAdapter } from '../held-fields/held-fields.adapter';
import { HeldFieldsRepository } from '../held-fields/held-fields.repository';
import { NoticeDecisionAdapter } from '../notices/notice-decision.adapter';
import { NoticeViewAdapter } from '../notices/notice-view.adapter';
import { NoticesRepository } from '../notices/notices.repository';
import { TASK_KINDS, type ReviewTask, type TaskKind } from '../tasks/review-task';
import { MAX_TASKS } from '../tasks/review-tasks.dto';
import { ReviewTasksRepository } from '../tasks/review-tasks.repository';
import { TriageAdapter } from '../triage/triage.adapter';
import { fieldDecisionsOf, noticeDecisionOf, oneOf } from './analyst-decision-form';
import { AnalystSessions, CSRF_FIELD, SESSION_COOKIE, SESSION_MAX_AGE_MS, SIGN_IN_COOKIE, SIGN_IN_MAX_AGE_MS, sessionKeyFrom, type AnalystSession } from './analyst-session';
import { sendHtml } from './analyst-html-response';
import { HeldFieldQueueRepository } from './held-field-queue.repository';
import { SignInThrottle } from './sign-in-throttle';
import { renderHeldFieldTask, renderMessage, renderNoticeTask, renderQueue, renderSignIn, renderTriageTask, STATE_FILTERS, type SignedIn, type StateFilter } from './analyst-ui.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a redirect after an action tells the next page; only these fixed texts, never input. */
const NOTICES: Readonly<Record<string, string>> = {
  claimed: 'You have claimed the task.',
  released: 'Decision recorded: the fields are released and will be published as a new version of the object.',
  redacted: 'Decision recorded: the redacted text will be published as a new version of the object.',
  deleted: 'Decision recorded: the held values are deleted and will never be published.',
  accepted: 'Submission accepted: it enters the pipeline.',
  rejected: 'Submission rejected: its content is deleted.',
  'notice-corrected': 'Decision recorded: the corrected object will be published as a new version.',
  'notice-dismissed': 'Notice dismissed: the object is not changed.',
};

interface Visitor {
  readonly session: AnalystSession;
  readonly principal: Principal;
  readonly user: SignedIn;
}

/**
 * The analysts' web UI (§2.3.2.2, §3.2, §4.1): sign in (failures throttled), the queue (filter,
 * claim), each held field in its object's context with the decision form, the triage queue's
 * accept/reject, and notices against the latest published version (correct or dismiss). Server-rendered
 * HTML over the same adapters as the JSON API, so every view and action is recorded the same way.
 * Authentication is a signed session cookie set by the sign-in form (a browser cannot send Basic
 * credentials with a form); only the `analyst` role may use it, like the task view it shows.
 */
@Controller('analyst')
export class AnalystUiController {
  private readonly logger = new Logger(AnalystUiController.name);
  private readonly sessions: AnalystSessions;
  private readonly throttle = new SignInThrottle();

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly authenticator: Authenticator,
    private readonly principals: PrincipalRepository,
    private readonly tasks: ReviewTasksRepository,
    private readonly queueEntries: HeldFieldQueueRepository,
    private readonly heldFields: HeldFieldsAdapter,
    private readonly heldFieldRows: HeldFieldsRepository,
    private readonly heldFieldClaims: HeldFieldClaimAdapter,
    private readonly decisions: HeldFieldDecisionAdapter,
    private readonly triage: TriageAdapter,
    private readonly noticeRows: NoticesRepository,
    private readonly noticeViews: NoticeViewAdapter,
    private readonly noticeDecisions: NoticeDecisionAdapter,
  ) {
    this.sessions = new AnalystSessions(sessionKeyFrom(config.security.AIS_MASTER_KEY));
  }

  @Get()
  home(@Res() response: Response): void {
    redirect(response, '/analyst/tasks');
  }

  @Get('sign-in')
  signInForm(@Req() request: Request, @Res() response: Response): void {
    sendHtml(response, 200, renderSignIn({ csrfToken: this.issueSignInToken(request, response, Date.now()) }));
  }

  @Post('sign-in')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const now = Date.now();
    const body = bodyOf(request);
    if (!this.sessions.verifySignIn(body[CSRF_FIELD], cookieValue(request.headers.cookie, SIGN_IN_COOKIE), now)) {
      sendHtml(response, 403, renderSignIn({ csrfToken: this.issueSignInToken(request, response, now), problem: 'The sign-in form expired or was not sent from this site. Please sign in again.' }));
      return;
    }
    const username = typeof body.username === 'string' ? body.username.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1_000) : '';
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    // Refused before the password is checked, so that guessing past the limit learns nothing.
    const throttled = this.throttle.check(username, address, now);
    if (!throttled.allowed) {
      response.set('Retry-After', String(throttled.retryAfterSeconds));
      sendHtml(response, 429, renderSignIn({ csrfToken: this.issueSignInToken(request, response, now), problem: 'Too many failed sign-ins for this account or from your network. Please wait and try again later.', username }));
      return;
    }
    const principal = username === '' || password === '' ? null : await this.authenticator.authenticate(`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
    if (principal === null) {
      if (username !== '') {
        this.throttle.failed(username, address, now);
      }
      sendHtml(response, 401, renderSignIn({ csrfToken: this.issueSignInToken(request, response, now), problem: 'The user name or the password is not right.', username }));
      return;
    }
    if (principal.role !== 'analyst') {
      sendHtml(response, 403, renderMessage('Not an analyst account', `Your account's role (${principal.role}) may not use the analyst review.`, null, { href: '/analyst/sign-in', label: 'Sign in with another account' }));
      return;
    }
    this.throttle.succeeded(username);
    response.clearCookie(SIGN_IN_COOKIE, { path: '/analyst' });
    response.cookie(SESSION_COOKIE, this.sessions.issue(principal.id, now), { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/analyst', maxAge: SESSION_MAX_AGE_MS });
    redirect(response, '/analyst/tasks');
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.visitor(request, response, { csrf: true });
    if (visitor === null) {
      return;
    }
    this.sessions.revoke(visitor.session, Date.now());
    response.clearCookie(SESSION_COOKIE, { path: '/analyst' });
    redirect(response, '/analyst/sign-in');
  }

  @Get('tasks')
  async queue(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.visitor(request, response, { csrf: false });
    if (visitor === null) {
      return;
    }
    const state = oneOf(request.query.state, STATE_FILTERS) ?? 'pending';
    const kind = oneOf(request.query.kind, TASK_KINDS) ?? null;
    const tasks = await this.listTasks(state, kind);
    const heldFields = await this.queueEntries.entriesOf(tasks.filter((t) => t.kind === 'held-field').map((t) => t.id));
    sendHtml(response, 200, renderQueue({ user: visitor.user, filter: { state, kind }, tasks, heldFields, ...noticeOf(request) }));
  }

  @Get('tasks/:id')
  async task(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.visitor(request, response, { csrf: false });
    if (visitor === null) {
      return;
    }
    if (!UUID.test(id)) {
      this.fail(response, visitor, new CodedError('AIS_REVIEW_TASK_NOT_FOUND', 404, 'no such review task'));
      return;
    }
    const notice = noticeOf(request).notice;
    try {
      const now = new Date();
      const held = await this.heldFields.view(id, visitor.principal, now);
      if (held !== null) {
        sendHtml(response, 200, renderHeldFieldTask(held, visitor.user, notice));
        return;
      }
      if ((await this.noticeRows.find(id)) !== null) {
        sendHtml(response, 200, renderNoticeTask(await this.noticeViews.view(id, visitor.principal, now), visitor.user, notice));
        return;
      }
      sendHtml(response, 200, renderTriageTask(await this.triage.view(id, visitor.principal, now), visitor.user, notice));
    } catch (error) {
      this.fail(response, visitor, error, id);
    }
  }

  @Post('tasks/:id/claim')
  async claim(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(id, request, response, async (visitor) => {
      const now = new Date();
      const held = await this.heldFieldRows.find(id);
      if (held !== null) {
        await this.heldFieldClaims.claim(id, visitor.principal, now);
      } else {
        await this.triage.claim(id, visitor.principal, now);
      }
      return bodyOf(request).return === 'task' ? `/analyst/tasks/${id}?done=claimed` : queueUrl(bodyOf(request), 'claimed');
    });
  }

  @Post('tasks/:id/decision')
  async decide(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(id, request, response, async (visitor) => {
      const held = await this.heldFieldRows.find(id);
      if (held === null) {
        if ((await this.noticeRows.find(id)) === null) {
          throw new CodedError('AIS_REVIEW_TASK_NOT_FOUND', 404, 'no such held-field or notice task');
        }
        const decided = await this.noticeDecisions.decide(id, visitor.principal, noticeDecisionOf(bodyOf(request)), new Date());
        return `/analyst/tasks/${id}?done=${decided.state === 'rejected' ? 'notice-dismissed' : 'notice-corrected'}`;
      }
      const decided = await this.decisions.decide(id, visitor.principal, fieldDecisionsOf(bodyOf(request), held.summary.fields.map((f) => f.path)), new Date());
      return `/analyst/tasks/${id}?done=${decided.state}`;
    });
  }

  @Post('tasks/:id/accept')
  async accept(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(id, request, response, async (visitor) => {
      await this.triage.accept(id, visitor.principal, new Date());
      return queueUrl(bodyOf(request), 'accepted');
    });
  }

  @Post('tasks/:id/reject')
  async reject(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(id, request, response, async (visitor) => {
      const reason = bodyOf(request).reason;
      if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 500) {
        throw new CodedError('AIS_REVIEW_REASON_REQUIRED', 422, 'a rejection needs a reason of at most 500 characters');
      }
      await this.triage.reject(id, visitor.principal, reason.trim(), new Date());
      return queueUrl(bodyOf(request), 'rejected');
    });
  }

  /** A POST action: signed in, CSRF-checked, then redirected (303) to where the action says. */
  private async act(id: string, request: Request, response: Response, action: (visitor: Visitor) => Promise<string>): Promise<void> {
    const visitor = await this.visitor(request, response, { csrf: true });
    if (visitor === null) {
      return;
    }
    if (!UUID.test(id)) {
      this.fail(response, visitor, new CodedError('AIS_REVIEW_TASK_NOT_FOUND', 404, 'no such review task'));
      return;
    }
    try {
      redirect(response, await action(visitor));
    } catch (error) {
      this.fail(response, visitor, error, id);
    }
  }

  /**
   * The signed-in analyst, or null once the response is sent: anonymous → sign-in page, another
   * role → 403 page, a POST without this session's CSRF token → 403 page.
   */
  private async visitor(request: Request, response: Response, options: { csrf: boolean }): Promise<Visitor | null> {
    const session = this.sessions.verify(cookieValue(request.headers.cookie, SESSION_COOKIE), Date.now());
    const principal = session === null ? null : await this.principals.findById(session.principalId);
    if (session === null || principal === null) {
      redirect(response, '/analyst/sign-in');
      return null;
    }
    const user: SignedIn = { principalId: principal.id, username: principal.username, csrfToken: this.sessions.csrfToken(session) };
    if (principal.role !== 'analyst') {
      sendHtml(response, 403, renderMessage('Not allowed', `Your account's role (${principal.role}) may not use the analyst review.`, user));
      return null;
    }
    if (options.csrf && !this.sessions.verifyCsrf(session, bodyOf(request)[CSRF_FIELD])) {
      sendHtml(response, 403, renderMessage('Please try again', 'The form expired or was not sent from this site. Reload the page and try again.', user, { href: '/analyst/tasks', label: 'Back to the queue' }));
      return null;
    }
    return { session, principal, user };
  }

  private async listTasks(state: StateFilter, kind: TaskKind | null): Promise<ReviewTask[]> {
    if (state === 'pending') {
      const [open, claimed] = await Promise.all([this.tasks.list({ state: 'open', kind, limit: MAX_TASKS }), this.tasks.list({ state: 'claimed', kind, limit: MAX_TASKS })]);
      return [...open, ...claimed].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1)).slice(0, MAX_TASKS);
    }
    return this.tasks.list({ state: state === 'any' ? null : state, kind, limit: MAX_TASKS });
  }

  /** A refused action or view as a page: its status and coded reason (which never quotes a value). */
  private fail(response: Response, visitor: Visitor, error: unknown, taskId?: string): void {
    const back = taskId === undefined ? { href: '/analyst/tasks', label: 'Back to the queue' } : { href: `/analyst/tasks/${taskId}`, label: 'Back to the task' };
    if (error instanceof CodedError) {
      sendHtml(response, error.status, renderMessage('Not done', `${error.reason} (${error.code})`, visitor.user, back));
      return;
    }
    this.logger.error(`analyst UI request failed (${error instanceof Error ? error.name : typeof error})`);
    sendHtml(response, 500, renderMessage('Something went wrong', 'The request could not be completed. Please try again.', visitor.user, back));
  }

  private issueSignInToken(request: Request, response: Response, now: number): string {
    const existing = cookieValue(request.headers.cookie, SIGN_IN_COOKIE);
    const issued = existing !== undefined && /^[A-Za-z0-9_-]{16,64}$/.test(existing) ? this.sessions.issueSignIn(now, existing) : this.sessions.issueSignIn(now);
    response.cookie(SIGN_IN_COOKIE, issued.cookie, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/analyst', maxAge: SIGN_IN_MAX_AGE_MS });
    return issued.token;
  }
}

function bodyOf(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function noticeOf(request: Request): { notice?: string } {
  const done = request.query.done;
  const notice = typeof done === 'string' && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
  return notice === undefined ? {} : { notice };
}

/** The queue as the form's page showed it (its filter, checked again), with the action's notice. */
function queueUrl(body: Readonly<Record<string, unknown>>, done: string): string {
  const query = new URLSearchParams();
  const state = oneOf(body['back-state'], STATE_FILTERS);
  const kind = oneOf(body['back-kind'], TASK_KINDS);
  if (state !== undefined) {
    query.set('state', state);
  }
  if (kind !== undefined) {
    query.set('kind', kind);
  }
  query.set('done', done);
  return `/analyst/tasks?${query.toString()}`;
}

function redirect(response: Response, location: string): void {
  response.status(303).set({ Location: location, 'Cache-Control': 'no-store' }).end();
}
