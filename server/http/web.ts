import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from '@server/http/types.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built React app, and its index page for any non-API path so client-side routes
 * survive a reload; the citizens' portal under `/cidadao`. Without a build (API-only tests) nothing is mounted.
 */
export async function registerWebApp(app: App) {
  if (!existsSync(WEB_DIST)) {
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false });
  // The citizens' portal is its own page and bundle, with none of the staff app in it.
  const portal = { schema: { hide: true } };
  const sendPortal = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('portal/index.html');
  app.get('/cidadao', portal, sendPortal);
  app.get('/cidadao/*', portal, sendPortal);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health/')) {
      return reply.callNotFound();
    }

    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
