import { Injectable, Logger } from '@nestjs/common';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { ManualChannelsMetrics, type MailReplyOutcome } from '../manual-channels.metrics';
import { ManualSubmissionAdapter } from '../manual-submission.adapter';
import { validateManualFields, type FieldProblem } from '../manual-submission.dto';
import { parseMailBody } from './mail-body';
import { MailReplyAdapter } from './mail-reply.adapter';
import { composeReply } from './reply-text';
import { isStixAttachment, readStixAttachments } from './stix-attachments';

export type MailOutcome =
  | { readonly kind: 'accepted'; readonly submissionId: string }
  | { readonly kind: 'incomplete'; readonly reply: MailReplyOutcome }
  | { readonly kind: 'unreadable' };

/** HTML bodies beyond this are not converted to text (the message itself is at most 1 MiB). */
const MAX_HTML_TO_PARSE = 1024 * 1024;

/**
 * One received mail (§3.2.2): parse it, read the structured body and any STIX attachments, check
 * the fields with the web form's validator, then either take it to triage or answer the sender
 * with exactly what is missing. Nothing about the mail is logged beyond its outcome.
 */
@Injectable()
export class MailIntakeAdapter {
  private readonly logger = new Logger(MailIntakeAdapter.name);

  constructor(
    private readonly submissions: ManualSubmissionAdapter,
    private readonly replies: MailReplyAdapter,
    private readonly metrics: ManualChannelsMetrics,
  ) {}

  /** Rejects only when the submission could not be written (the SMTP answer is then a 451). */
  async receive(raw: Buffer, now: Date): Promise<MailOutcome> {
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: MAX_HTML_TO_PARSE });
    } catch {
      this.metrics.submission('email', 'unreadable');
      return { kind: 'unreadable' };
    }
    const sender = firstAddress(mail.replyTo) ?? firstAddress(mail.from);
    const body = parseMailBody(mail.text ?? '');
    const stixParts = mail.attachments.filter(isStixAttachment);
    const stix = readStixAttachments(stixParts);
    const fields = { ...body.fields, ...(body.fields.contactEmail === undefined && sender !== undefined ? { contactEmail: sender } : {}) };
    const validation = validateManualFields(fields, stixParts.length === 0 ? {} : { stixObjectTypes: stix.ok ? stix.objects.map((object) => object.type) : [] });
    const problems: FieldProblem[] = [
      ...(validation.ok ? [] : validation.problems),
      ...body.duplicates.map((field): FieldProblem => ({ field, problem: 'invalid', message: 'is given more than once' })),
    ];
    const attachmentProblems = stix.ok ? [] : stix.problems;
    if (validation.ok && problems.length === 0 && attachmentProblems.length === 0) {
      try {
        const submissionId = await this.submissions.submit('email', validation.fields, stix.ok && stix.objects.length > 0 ? stix.objects : null, now);
        this.metrics.submission('email', 'accepted');
        return { kind: 'accepted', submissionId };
      } catch (error) {
        this.metrics.submission('email', 'failed');
        this.logger.error(`mail submission not written (${error instanceof Error ? error.name : typeof error})`);
        throw error;
      }
    }
    this.metrics.submission('email', 'invalid');
    const reply = await this.reply(mail, sender, problems, attachmentProblems);
    this.metrics.reply(reply);
    return { kind: 'incomplete', reply };
  }

  private async reply(mail: ParsedMail, sender: string | undefined, problems: FieldProblem[], attachmentProblems: string[]): Promise<MailReplyOutcome> {
    if (sender === undefined) {
      return 'skipped-no-sender';
    }
    // RFC 3834: never answer an automatic message (bounces, vacation notices, our own replies).
    const autoSubmitted = mail.headers.get('auto-submitted');
    if (typeof autoSubmitted === 'string' && autoSubmitted.trim().toLowerCase() !== 'no') {
      return 'skipped-auto-submitted';
    }
    return this.replies.send({ to: sender, ...(mail.messageId === undefined ? {} : { inReplyTo: mail.messageId }) }, composeReply(problems, attachmentProblems));
  }
}

function firstAddress(address: AddressObject | AddressObject[] | undefined): string | undefined {
  const list = Array.isArray(address) ? address : address === undefined ? [] : [address];
  for (const entry of list) {
    for (const mailbox of entry.value) {
      if (typeof mailbox.address === 'string' && mailbox.address !== '') {
        return mailbox.address;
      }
    }
  }
  return undefined;
}
