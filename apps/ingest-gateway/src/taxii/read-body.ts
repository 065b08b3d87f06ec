import type { TaxiiError } from '@ais/taxii';
import type { Request } from 'express';
import { ingestError, IngestErrorCode } from './ingest-error-codes';

/**
 * Reads a request body of at most `limit` bytes: a declared Content-Length over the limit is
 * refused before reading anything, and a body that grows past it (chunked, or lying) is cut off;
 * 413 either way.
 *
 * Refusing does not destroy the socket before the answer is out: the response says
 * `Connection: close`, the rest of the body is discarded for at most two seconds, and Node
 * closes the connection once the 413 is written, so the client gets a TAXII error, not a reset.
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
        // Discard what the client is still sending (briefly), so it can finish writing and read
        // the 413 instead of meeting a reset; then the connection closes.
        request.resume();
        setTimeout(() => request.destroy(), 2_000).unref();
        reject(refuse(request, limit));
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

function refuse(request: Request, limit: number): TaxiiError {
  const response = request.res;
  if (response !== undefined && !response.headersSent) {
    // Node closes the socket once a `Connection: close` response is written.
    response.setHeader('Connection', 'close');
  }
  return ingestError(IngestErrorCode.PayloadTooLarge, `the body exceeds max_content_length (${limit} bytes)`);
}
