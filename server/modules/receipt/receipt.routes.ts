import { Type } from 'typebox';
import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import type { CounterService } from '@server/modules/counter/counter.service.ts';
import { CodeParams } from '@server/modules/protocol/protocol.schema.ts';
import { renderReceiptPdf } from '@server/modules/receipt/receipt.pdf.ts';

const PdfResponse = {
  description: 'Comprovante em PDF, para impressora térmica de 80 mm.',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};

/**
 * The printable receipt. It is the JSON receipt of the counter service, rendered: the same
 * authorization (counter staff of the protocol's agency) and the same refusals.
 */
export function registerReceiptRoutes(app: App, counter: CounterService) {
  app.get(
    '/api/v1/counter/protocols/:code/receipt.pdf',
    {
      schema: {
        tags: ['Balcão (SARA)'],
        summary: 'Comprovante do cliente em PDF (bobina térmica de 80 mm)',
        params: CodeParams,
        response: withErrors({ 200: PdfResponse }, 400, 401, 403, 404, 422),
      },
    },
    async (request, reply) => {
      const { receipt } = await counter.receipt(request.actor, request.params.code);
      const pdf = await renderReceiptPdf(receipt);

      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="comprovante-${receipt.protocolCode}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
