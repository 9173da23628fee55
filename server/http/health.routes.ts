import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';

const Health = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

/** Liveness says the process answers; readiness says it can reach its database too. */
export function registerHealthRoutes(app: App, ctx: AppContext) {
  app.get(
    '/health/live',
    { schema: { tags: ['Saúde'], summary: 'O processo responde', response: { 200: Health } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['Saúde'],
        summary: 'O processo alcança o banco de dados',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);

        return { status: 'ok', database: ctx.dbKind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: ctx.dbKind });
      }
    },
  );
}
