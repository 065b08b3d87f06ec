import type { ServiceConfig } from '@ais/config';
import { SERVICE_CONFIG } from '@ais/platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { ManualChannelsMetrics } from '../manual-channels.metrics';
import { MailIntakeAdapter } from './mail-intake.adapter';

/** The largest message accepted (advertised as SIZE; larger DATA is drained and refused with 552). */
export const MAX_MAIL_BYTES = 1024 * 1024;

type SmtpError = Error & { responseCode?: number };

/**
 * The SMTP listener of the e-mail channel (§3.2.2), on `AIS_SMTP_HOST:AIS_SMTP_PORT` (loopback
 * and 2525 by default). No AUTH and no STARTTLS for now: it is meant to sit behind the
 * organisation's mail gateway (docs/manual-channels.md). A mail with missing fields still gets 250
 * — the sender is answered by mail, and its server must not retry —; a mail over the size limit
 * gets 552 (permanent); only a failure to write the submission answers 451, so that the sender's
 * server tries again later. The server's own logger stays off: it would log envelope addresses.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SmtpListener.name);
  private server: SMTPServer | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly intake: MailIntakeAdapter,
    private readonly metrics: ManualChannelsMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { AIS_SMTP_HOST: host, AIS_SMTP_PORT: port } = this.config.manualChannels;
    const server = new SMTPServer({
      name: 'ais-exchange',
      banner: 'AIS Exchange submissions',
      secure: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MAIL_BYTES,
      maxClients: 50,
      socketTimeout: 60_000,
      closeTimeout: 10_000,
      logger: false,
      // No reverse DNS of the client: it only slows every session down.
      disableReverseLookup: true,
      onData: (stream, _session, callback) => this.onData(stream, callback),
    });
    server.on('error', (error: Error) => this.logger.warn(`SMTP connection error (${error.name})`));
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      server.server.once('error', failed);
      server.listen(port, host, () => {
        server.server.off('error', failed);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`SMTP listener on ${host}:${port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server !== null) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private onData(stream: SMTPServerDataStream, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained, not kept: the server answers 552 itself.
      if (size <= MAX_MAIL_BYTES) {
        chunks.push(chunk);
      }
    });
    stream.once('error', () => callback(smtpError(451, TEMPORARY_FAILURE)));
    stream.once('end', () => {
      if (stream.sizeExceeded || size > MAX_MAIL_BYTES) {
        this.metrics.submission('email', 'too-large');
        callback(smtpError(552, `message exceeds the maximum size of ${MAX_MAIL_BYTES} bytes`));
        return;
      }
      this.intake.receive(Buffer.concat(chunks, size), new Date()).then(
        () => callback(null),
        () => callback(smtpError(451, TEMPORARY_FAILURE)),
      );
    });
  }
}

const TEMPORARY_FAILURE = 'the submission could not be stored; please try again later';

function smtpError(responseCode: number, message: string): SmtpError {
  const error: SmtpError = new Error(message);
  error.responseCode = responseCode;
  return error;
}
