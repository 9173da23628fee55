import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  confirmationsPage,
  messagePage,
  salePage,
  type CodigoInfo,
  type ReceivedConfirmation,
} from '@demo-partner/pages.ts';

/**
 * A tiny partner site, as a client of the post would run it: it speaks to STER only through the
 * published contract (`codigoCorreios`, `registra`, signed confirmations). No framework.
 */
export type DemoPartnerOptions = {
  host?: string;
  port?: number;
  /** STER's base URL, e.g. http://127.0.0.1:3000. */
  sterUrl: string;
  /** The partner token STER issued. */
  token: string;
  /** The Standard Webhooks secret (whsec_...) STER signs confirmations with. */
  webhookSecret: string;
};

const MAX_BODY = 64 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      }
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** "15,00" or "15" → 1500 centavos; null when it is not an amount. */
export function parseAmount(input: string): number | null {
  const match = /^\s*(\d{1,6})(?:[,.](\d{2}))?\s*$/.exec(input);
  if (!match) {
    return null;
  }

  return Number(match[1]) * 100 + Number(match[2] ?? 0);
}

export async function startDemoPartner(options: DemoPartnerOptions) {
  const confirmations: ReceivedConfirmation[] = [];
  const webhook = new Webhook(options.webhookSecret);

  async function callSter(path: string, body: unknown) {
    const response = await fetch(new URL(path, options.sterUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: options.token },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;

    return { ok: response.ok, json };
  }

  async function showSale(url: URL, response: ServerResponse) {
    const codigo = url.searchParams.get('codigoCorreios');
    if (!codigo) {
      send(
        response,
        400,
        messagePage('Acesso inválido', 'Abra esta página a partir do STER.', false),
      );

      return;
    }
    const answer = await callSter('/ster/api/v1/codigos-correios/consulta', {
      codigoCorreios: codigo,
    });
    if (!answer.ok) {
      send(response, 400, messagePage('Acesso inválido', String(answer.json.mensagem), false));

      return;
    }
    send(response, 200, salePage(codigo, answer.json as unknown as CodigoInfo, randomUUID()));
  }

  async function registerSale(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const amount = parseAmount(form.get('valor') ?? '');
    if (amount === null) {
      send(response, 400, messagePage('Venda não registrada', 'Valor inválido.', false));

      return;
    }
    const phone = (form.get('telefone') ?? '').replace(/\D/g, '');
    const answer = await callSter('/ster/api/v1/atendimentos/registra', {
      codigoCorreios: form.get('codigoCorreios') ?? '',
      valorServico: String(amount),
      quantidade: 1,
      numeroIdentificacaoCliente: (form.get('cpf') ?? '').replace(/\D/g, ''),
      chaveCliente: form.get('chaveCliente') ?? randomUUID(),
      textoTicket: `Recarga Claro+Celular ${phone}`,
    });
    if (!answer.ok) {
      send(response, 422, messagePage('Venda não registrada', String(answer.json.mensagem), false));

      return;
    }
    const protocol = String(answer.json.protocolo);
    send(
      response,
      200,
      messagePage(
        'Venda registrada',
        `Protocolo STER ${protocol}. Finalize o atendimento no SARA (Protocolos STER).`,
        true,
      ),
    );
  }

  async function receiveConfirmation(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    try {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      const payload = webhook.verify(body, headers) as Record<string, unknown>;
      confirmations.unshift({
        receivedAt: new Date().toISOString(),
        numeroProtocolo: String(payload.numeroProtocolo),
        codigoConfirmacao: String(payload.codigoConfirmacao),
        webhookId: headers['webhook-id'] ?? '',
      });
      response.writeHead(204).end();
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ mensagem: 'Assinatura inválida.' }));
    }
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method} ${url.pathname}`;
    const handle = async () => {
      switch (route) {
        case 'GET /venda':
          return showSale(url, response);
        case 'POST /venda':
          return registerSale(request, response);
        case 'POST /confirmacoes':
          return receiveConfirmation(request, response);
        case 'GET /confirmacoes':
          return send(response, 200, confirmationsPage(confirmations));
        default:
          return send(response, 404, messagePage('Página não encontrada', url.pathname, false));
      }
    };
    handle().catch(() => {
      if (!response.headersSent) {
        send(response, 502, messagePage('Erro', 'O STER não respondeu. Tente de novo.', false));
      }
    });
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 3100, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.address}:${address.port}`,
    confirmations,
    /** Stops listening and drops open keep-alive connections (a browser tab, STER's client). */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
