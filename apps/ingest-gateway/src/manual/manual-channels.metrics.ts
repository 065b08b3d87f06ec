import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

/** What became of one web-form POST or one mail; a label value, never an id or a field value. */
export type ManualOutcome = 'accepted' | 'invalid' | 'csrf-refused' | 'rate-limited' | 'too-large' | 'unreadable' | 'failed';

/** What became of the reply to an incomplete mail. */
export type MailReplyOutcome = 'sent' | 'skipped-no-relay' | 'skipped-no-sender' | 'skipped-auto-submitted' | 'failed';

@Injectable()
export class ManualChannelsMetrics {
  private readonly submissions: Counter<'channel' | 'outcome'>;
  private readonly replies: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.submissions = new Counter({
      name: 'ais_manual_submissions_total',
      help: 'Web-form POSTs and mails received by the manual channels (§3.2), per outcome',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
    this.replies = new Counter({
      name: 'ais_mail_replies_total',
      help: 'Replies to mails with missing or invalid fields, per outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const channel of ['web-form', 'email']) {
      this.submissions.inc({ channel, outcome: 'accepted' }, 0);
    }
  }

  submission(channel: 'web-form' | 'email', outcome: ManualOutcome): void {
    this.submissions.inc({ channel, outcome });
  }

  reply(outcome: MailReplyOutcome): void {
    this.replies.inc({ outcome });
  }
}
