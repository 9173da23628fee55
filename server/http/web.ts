import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '@server/http/types.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built React app, and its index page for any non-API path so client-side routes
 * survive a reload. Without a build (API-only tests) nothing is mounted.
 */
export async function registerWebApp(app: App) {
  if (!existsSync(WEB_DIST)) {
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health/')) {
      return reply.callNotFound();
    }

    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
