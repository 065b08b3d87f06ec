import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { MailIntakeAdapter } from './mail/mail-intake.adapter';
import { MailReplyAdapter } from './mail/mail-reply.adapter';
import { SmtpListener } from './mail/smtp-listener';
import { ManualChannelsMetrics } from './manual-channels.metrics';
import { ManualSubmissionAdapter } from './manual-submission.adapter';
import { FormBodyMiddleware } from './web-form/form-body.middleware';
import { SubmitFormController } from './web-form/submit-form.controller';

/**
 * The manual channels of §3.2: the public web form (`/submit`) and the SMTP listener. Both end in
 * `ManualSubmissionReceived`, which review-service queues for an analyst's triage.
 */
@Module({
  controllers: [SubmitFormController],
  providers: [ManualChannelsMetrics, ManualSubmissionAdapter, MailReplyAdapter, MailIntakeAdapter, SmtpListener, FormBodyMiddleware],
})
export class ManualChannelsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FormBodyMiddleware).forRoutes({ path: 'submit', method: RequestMethod.POST });
  }
}
