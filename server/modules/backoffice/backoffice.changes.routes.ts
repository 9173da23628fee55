import type { AppContext } from '@server/context.ts';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { ChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import {
  ChangeListResponse,
  ChangesQuery,
} from '@server/modules/backoffice/backoffice.changes.schema.ts';
import { COMMON_ERRORS, TAGS } from '@server/modules/backoffice/backoffice.common.schema.ts';
import { pageOf, pageResult } from '@server/modules/backoffice/backoffice.common.ts';

/** The catalogue's change log: who changed what, with the record before and after. */
export function registerChangesRoutes(app: App, ctx: AppContext, changes: ChangesRepository) {
  app.get(
    '/api/v1/backoffice/changes',
    {
      schema: {
        tags: TAGS,
        summary:
          'Histórico de alterações do catálogo (filtro por tipo, registro, autor, ação e período)',
        querystring: ChangesQuery,
        response: withErrors({ 200: ChangeListResponse }, ...COMMON_ERRORS),
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const page = pageOf({ limit, offset });
      const actor = filter.actor?.trim() || undefined;
      const { rows, total } = await changes.list(ctx.db, { ...filter, actor }, page);

      return {
        changes: rows.map((row) => ({
          id: row.id,
          entity: row.entity,
          entityId: row.entityId,
          action: row.action,
          before: row.before,
          after: row.after,
          actor: { id: row.actorId, label: row.actorLabel },
          occurredAt: row.occurredAt.toISOString(),
        })),
        page: pageResult(page, total),
      };
    },
  );
}
