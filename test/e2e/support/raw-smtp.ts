import { connect, type Socket } from 'node:net';

/**
 * A bare SMTP client for hostile mails: sends any bytes as the message (invalid UTF-8, NUL, bare LF)
 * that a mail library would refuse or repair, and returns the server's final reply code. Fails on
 * a dropped connection or a reply that does not come within the deadline.
 */
export async function sendRawMail(port: number, message: Buffer, options: { declaredSize?: number; timeoutMs?: number } = {}): Promise<number> {
  const socket = connect(port, '127.0.0.1');
  const replies = replyReader(socket, options.timeoutMs ?? 60_000);
  try {
    await expectCode(replies, [220]);
    socket.write('EHLO hostile.example\r\n');
    await expectCode(replies, [250]);
    socket.write(`MAIL FROM:<hostile@sender.example>${options.declaredSize === undefined ? '' : ` SIZE=${options.declaredSize}`}\r\n`);
    const mailFrom = await replies();
    if (mailFrom !== 250) {
      return mailFrom;
    }
    socket.write('RCPT TO:<submit@ais.example>\r\n');
    await expectCode(replies, [250]);
    socket.write('DATA\r\n');
    await expectCode(replies, [354]);
    socket.write(dotStuffed(message));
    socket.write('\r\n.\r\n');
    const final = await replies();
    socket.write('QUIT\r\n');
    return final;
  } finally {
    socket.end();
    socket.destroy();
  }
}

async function expectCode(next: () => Promise<number>, codes: readonly number[]): Promise<void> {
  const code = await next();
  if (!codes.includes(code)) {
    throw new Error(`SMTP answered ${code}, expected ${codes.join(' or ')}`);
  }
}

/** Lines starting with "." get another one (RFC 5321 §4.5.2). */
function dotStuffed(message: Buffer): Buffer {
  return Buffer.from(message.toString('latin1').replace(/(^|\r\n)\./g, '$1..'), 'latin1');
}

/** Each call resolves with the code of the next complete reply (multi-line replies joined). */
function replyReader(socket: Socket, timeoutMs: number): () => Promise<number> {
  let buffer = '';
  const codes: number[] = [];
  let waiting: { resolve: (code: number) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  const settle = () => {
    if (waiting === null) {
      return;
    }
    const w = waiting;
    if (codes.length > 0) {
      waiting = null;
      w.resolve(codes.shift()!);
    } else if (failure !== null) {
      waiting = null;
      w.reject(failure);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      // "250-…" continues a reply, "250 …" ends it.
      if (/^\d{3}( |$)/.test(line)) {
        codes.push(Number(line.slice(0, 3)));
      }
    }
    settle();
  });
  socket.on('error', (error) => {
    failure = error;
    settle();
  });
  socket.on('close', () => {
    failure ??= new Error('the SMTP server closed the connection');
    settle();
  });
  return () =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting = null;
        reject(new Error(`no SMTP reply within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting = {
        resolve: (code) => {
          clearTimeout(timer);
          resolve(code);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      settle();
    });
}
