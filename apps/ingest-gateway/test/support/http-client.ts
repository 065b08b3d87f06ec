import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';

export const TAXII = 'application/taxii+json;version=2.1';

export interface Account {
  readonly username: string;
  readonly password: string;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed body when it is JSON, else null. */
  readonly body: Record<string, unknown>;
}

export interface HttpOptions {
  readonly method?: string;
  readonly account?: Account;
  /** Merged over the TAXII defaults (Accept, and Content-Type with a body); `undefined` removes one. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string | Buffer | object;
  /**
   * Sends `count` copies of `chunk` (chunked, unless a Content-Length header is given), stopping
   * early once answered; with `end: false` the request is left open for the server to answer.
   */
  readonly stream?: { readonly chunk: Buffer; readonly count: number; readonly end?: boolean };
  /** For https: the CA to trust and, optionally, the client certificate to present. */
  readonly tls?: { readonly ca: Buffer; readonly cert?: Buffer; readonly key?: Buffer };
}

export function basic(account: Account): string {
  return `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
}

/**
 * One HTTP(S) request with full control of headers and bytes (invalid UTF-8, chunked bodies,
 * client certificates), answering status, headers and the parsed body. A connection the server
 * closes while the body is still being sent still yields the answer it sent first.
 */
export function call(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const { body, stream } = options;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers: Record<string, string> = { accept: TAXII };
  if (payload !== undefined || stream !== undefined) {
    headers['content-type'] = TAXII;
  }
  if (options.account !== undefined) {
    headers.authorization = basic(options.account);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) {
      delete headers[name.toLowerCase()];
    } else {
      headers[name.toLowerCase()] = value;
    }
  }
  if (payload !== undefined && headers['content-length'] === undefined) {
    headers['content-length'] = String(payload.length);
  }
  const secure = url.startsWith('https:');
  return new Promise<HttpResult>((resolve, reject) => {
    let answered = false;
    const send = secure ? httpsRequest : httpRequest;
    const req = send(url, { method: options.method ?? 'GET', headers, agent: false, ...(secure ? { ca: options.tls?.ca, cert: options.tls?.cert, key: options.tls?.key } : {}) }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown> = {};
        try {
          parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
        } catch {
          parsed = {};
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body: parsed });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) {
        return;
      }
      // A server that refuses a streaming body answers and closes while the client still writes:
      // the write fails (EPIPE, ECONNRESET) although the answer is on its way. Give it a moment.
      if (stream !== undefined && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
        setTimeout(() => (answered ? undefined : reject(error)), 2_000);
        return;
      }
      reject(error);
    });
    if (stream === undefined) {
      req.end(payload);
      return;
    }
    void (async () => {
      for (let i = 0; i < stream.count && !answered && !req.destroyed; i++) {
        if (!req.write(stream.chunk)) {
          await new Promise<void>((done) => {
            const finish = () => {
              req.off('drain', finish);
              req.off('close', finish);
              done();
            };
            req.once('drain', finish);
            req.once('close', finish);
          });
        }
      }
      if (!req.destroyed && stream.end !== false) {
        req.end();
      }
    })();
  });
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
