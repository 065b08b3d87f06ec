import { HttpStatus } from '@nestjs/common';
import { TaxiiError } from '@ais/taxii';
import type { Request } from 'express';

/**
 * Reads a request body of at most `limit` bytes: a declared Content-Length over the limit is
 * refused before reading, and a stream that grows past it is cut off (413 either way).
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.destroy();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): TaxiiError {
  return new TaxiiError(HttpStatus.PAYLOAD_TOO_LARGE, 'Payload Too Large', `the body exceeds max_content_length (${limit} bytes)`);
}
