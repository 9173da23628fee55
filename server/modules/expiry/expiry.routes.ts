import { Type } from 'typebox';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import { BACK_OFFICE_ROLES, requireStaff } from '@server/modules/auth/actor.ts';
import type { ExpiryService } from '@server/modules/expiry/expiry.service.ts';

export function registerExpiryRoutes(app: App, expiry: ExpiryService) {
  app.post(
    '/api/v1/admin/jobs/expire-pre-attendances',
    {
      schema: {
        tags: ['Administração'],
        summary: 'Expirar agora os pré-atendimentos vencidos (também roda sozinho a cada minuto)',
        response: withErrors({ 200: Type.Object({ expired: Type.Integer() }) }, 401, 403),
      },
    },
    async (request) => {
      requireStaff(request.actor, BACK_OFFICE_ROLES);

      return expiry.expireDue();
    },
  );
}
