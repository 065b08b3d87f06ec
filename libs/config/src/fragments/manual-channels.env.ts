import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { toInt } from './to-int';

/**
 * The manual channels of ingest-gateway (§3.2): the public web form and the SMTP listener.
 * Development defaults keep both on loopback; docs/manual-channels.md describes each variable.
 */
export class ManualChannelsEnv {
  /** Interface the SMTP listener binds to; loopback unless a mail gateway in front needs more. */
  @IsString()
  @MinLength(1)
  AIS_SMTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  AIS_SMTP_PORT = 2525;

  /**
   * Relay for the replies to incomplete mails (`smtp://host:port` or `smtps://…`). Empty: replies
   * are skipped and counted (`ais_mail_replies_total{outcome="skipped-no-relay"}`).
   */
  @ValidateIf((env: ManualChannelsEnv) => env.AIS_SMTP_RELAY_URL !== '')
  @Matches(/^smtps?:\/\/[^\s/]+(:\d{1,5})?\/?(\?\S*)?$/)
  AIS_SMTP_RELAY_URL = '';

  /** The From address of those replies. */
  @Matches(/^[^\s@<>]+@[^\s@<>]+$/)
  AIS_SMTP_REPLY_FROM = 'ais-submissions@localhost';

  /** POSTs of the web form accepted per client address and minute; more get 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  AIS_WEB_FORM_POSTS_PER_MINUTE = 10;
}
