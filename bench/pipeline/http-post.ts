/**
 * POSTs for the load driver over `node:http` with kept-alive sockets. The global `fetch` (undici)
 * took half of the benchmark process's CPU at the maximum, on the same two cores as the system it
 * measures; this client takes a fraction of that.
 */
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true });

export interface PostAnswer {
  readonly status: number;
  readonly body: string;
}

export function postText(url: URL, headers: Readonly<Record<string, string>>, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const sending = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sending.on('error', reject);
    sending.end(body);
  });
}
