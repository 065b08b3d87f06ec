/**
 * POSTs for the load driver over `node:http` with kept-alive sockets. The global `fetch` (undici)
 * took half of the benchmark process's CPU at the maximum, on the same two cores as the system it
 * measures; this client takes a fraction of that.
 */
import { Agent, request, type ClientRequest } from 'node:http';

const agent = new Agent({ keepAlive: true });

export interface PostAnswer {
  readonly status: number;
  readonly body: string;
}

export async function postText(url: URL, headers: Readonly<Record<string, string>>, body: string): Promise<PostAnswer> {
  try {
    return await postOnce(url, headers, body);
  } catch (error) {
    // A kept-alive socket the server closed as idle just as it was reused: the server never read
    // the request, so it is sent again once, on a new socket (Node's documented remedy).
    if (error instanceof ReusedSocketClosed) {
      return postOnce(url, headers, body);
    }
    throw error;
  }
}

class ReusedSocketClosed extends Error {}

function postOnce(url: URL, headers: Readonly<Record<string, string>>, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const sending: ClientRequest = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sending.on('error', (error: NodeJS.ErrnoException) => {
      const closedIdle = sending.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
      reject(closedIdle ? new ReusedSocketClosed(error.message) : error);
    });
    sending.end(body);
  });
}
