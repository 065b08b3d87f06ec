import type { ServiceConfig } from '@ais/config';
import { SERVICE_CONFIG } from '@ais/platform';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailReplyOutcome } from '../manual-channels.metrics';
import type { ReplyText } from './reply-text';

export interface ReplyTarget {
  /** The address the reply goes to (Reply-To, else From). */
  readonly to: string;
  /** The Message-ID of the mail answered, so the reply threads with it. */
  readonly inReplyTo?: string;
}

/**
 * Sends replies through the relay in `AIS_SMTP_RELAY_URL`; without one, replies are skipped (and
 * counted by the caller). Replies carry `Auto-Submitted: auto-replied` (RFC 3834) so that
 * well-behaved auto-responders do not answer them.
 */
@Injectable()
export class MailReplyAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger(MailReplyAdapter.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const relay = config.manualChannels.AIS_SMTP_RELAY_URL;
    this.from = config.manualChannels.AIS_SMTP_REPLY_FROM;
    this.transport =
      relay === '' ? null : createTransport({ url: relay, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, logger: false, debug: false });
  }

  async send(target: ReplyTarget, reply: ReplyText): Promise<MailReplyOutcome> {
    if (this.transport === null) {
      return 'skipped-no-relay';
    }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: target.to,
        subject: reply.subject,
        text: reply.text,
        ...(target.inReplyTo === undefined ? {} : { inReplyTo: target.inReplyTo, references: target.inReplyTo }),
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      return 'sent';
    } catch (error) {
      // The error's class only: relay messages may quote the recipient's address.
      this.logger.warn(`reply not sent (${error instanceof Error ? error.name : typeof error})`);
      return 'failed';
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
