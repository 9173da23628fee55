import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from '@server/modules/partner/partner.callback-url.ts';

/** The answer's status and (the first 16 KiB of) its body, or why there was no answer. */
export type PostResult = { statusCode: number; body: string } | { statusCode: null; error: string };

/** Largest answer body read from a partner; the rest is discarded. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * POSTs a JSON body with a timeout, through the SSRF-guarded DNS lookup. Never throws: a
 * network failure is a result like any other, for the delivery log.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  options: { guarded?: boolean } = {},
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ statusCode: null, error: 'URL inválida' });

      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      target,
      {
        method: 'POST',
        // Partner URLs come from outside and are guarded; the ERP's comes from configuration.
        ...(options.guarded === false ? {} : { lookup: guardedLookup }),
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'STER-Callbacks/1.0',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) {
            response.destroy();
          } else {
            chunks.push(chunk);
          }
        });
        const answer = () => ({
          statusCode: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.on('close', () => resolve(answer()));
        response.on('error', () => resolve(answer()));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        statusCode: null,
        error: error.code ? `${error.code}: ${error.message}` : error.message,
      }),
    );
    outgoing.end(body);
  });
}
