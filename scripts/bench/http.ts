import { Agent, request } from 'node:http';

export type HttpAnswer = { status: number; body: unknown; text: string };

export type HttpClient = {
  send: (
    method: 'GET' | 'POST',
    path: string,
    token?: string,
    body?: unknown,
  ) => Promise<HttpAnswer>;
  close: () => void;
};

/**
 * A lean JSON client over keep-alive sockets to 127.0.0.1 (lighter than `fetch`, so the load
 * generator steals less CPU from the server it measures on the same machine).
 */
function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function createHttpClient(port: number, sockets: number): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });

  function send(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';

    return new Promise<HttpAnswer>((resolve, reject) => {
      const outgoing = request(
        { host: '127.0.0.1', port, method, path, agent, headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: incoming.statusCode ?? 0, body: parseJson(text), text });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  return { send, close: () => agent.destroy() };
}
