import type { TaxiiError } from '@ais/taxii';
import type { Request } from 'express';
import { ingestError, IngestErrorCode } from './ingest-error-codes';

/**
 * Reads a request body of at most `limit` bytes: a declared Content-Length over the limit is
 * refused before reading anything, and a body that grows past it (chunked, or lying) is cut off;
 * 413 either way.
 *
 * A body cut off is answered once the client has finished sending (the rest is discarded), or
 * after two seconds at most: closing while the client still writes makes the kernel reset the
 * connection, and the 413 on its way would be lost. The answer says `Connection: close`, so Node
 * closes the connection once it is written.
 */
export function readBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(refuse(request, limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        answerAfterDiscarding(request, () => reject(refuse(request, limit)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onAborted = () => onError(new Error('request aborted'));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('aborted', onAborted);
  });
}

/** Discards the rest of the body, then answers (at the end of the body, or after two seconds). */
function answerAfterDiscarding(request: Request, answer: () => void): void {
  let answered = false;
  const once = () => {
    if (!answered) {
      answered = true;
      clearTimeout(timer);
      answer();
    }
  };
  const timer = setTimeout(once, DISCARD_WINDOW_MS);
  request.once('end', once);
  request.once('error', once);
  request.once('aborted', once);
  request.resume();
}

const DISCARD_WINDOW_MS = 2_000;

function refuse(request: Request, limit: number): TaxiiError {
  const response = request.res;
  if (response !== undefined && !response.headersSent) {
    // Node closes the socket once a `Connection: close` response is written.
    response.setHeader('Connection', 'close');
  }
  return ingestError(IngestErrorCode.PayloadTooLarge, `the body exceeds max_content_length (${limit} bytes)`);
}
