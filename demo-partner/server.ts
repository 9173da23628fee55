import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  confirmationsPage,
  formsPage,
  messagePage,
  preAttendanceConfirmPage,
  preAttendancePage,
  salePage,
  type CodigoInfo,
  type PreAttendance,
  type ReceivedConfirmation,
  type ReceivedForm,
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
  /** The top-up service citizens pre-attend online (flow 2); 30101 in the demo data. */
  preAttendanceService?: string;
};

/** The demo's rule for Claro's hosted form: lines ending in 0000 do not exist. */
export function lineProblem(line: string): string | null {
  return line.replace(/\D/g, '').endsWith('0000') ? 'Linha não encontrada na base da Claro.' : null;
}

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
  const forms: ReceivedForm[] = [];
  // What the citizen chose online, kept by the partner until the counter confirms it.
  const preAttendances = new Map<string, PreAttendance>();
  const webhook = new Webhook(options.webhookSecret);

  async function callSter(path: string, body?: unknown) {
    const response = await fetch(new URL(path, options.sterUrl), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: options.token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;

    return { ok: response.ok, json };
  }

  /** A body STER signed, or null (after answering 401) when the signature does not hold. */
  async function verified(request: IncomingMessage, response: ServerResponse, failStatus = 401) {
    const body = await readBody(request);
    try {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );

      return { payload: webhook.verify(body, headers) as Record<string, unknown>, headers };
    } catch {
      sendJson(response, failStatus, { mensagem: 'Assinatura inválida.' });

      return null;
    }
  }

  function sendJson(response: ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  /** STER asks before creating a hosted-form protocol of Claro's: is this line ours? */
  async function validate(request: IncomingMessage, response: ServerResponse) {
    const signed = await verified(request, response);
    if (!signed) {
      return;
    }
    const dados = (signed.payload.dados ?? {}) as Record<string, unknown>;
    const problem = lineProblem(String(dados.linha ?? ''));
    sendJson(response, 200, problem ? { valido: false, mensagem: problem } : { valido: true });
  }

  /** STER submits the hosted form's data once the protocol exists. */
  async function receiveForm(request: IncomingMessage, response: ServerResponse) {
    const signed = await verified(request, response);
    if (!signed) {
      return;
    }
    const dados = (signed.payload.dados ?? {}) as Record<string, unknown>;
    const numeroProtocolo = String(signed.payload.numeroProtocolo);
    if (!forms.some((form) => form.numeroProtocolo === numeroProtocolo)) {
      forms.unshift({
        receivedAt: new Date().toISOString(),
        numeroProtocolo,
        linha: String(dados.linha ?? ''),
      });
    }
    response.writeHead(204).end();
  }

  /** Flow 2 at home: the citizen's pre-attendance, registered in STER. */
  async function startPreAttendance(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const amount = parseAmount(form.get('valor') ?? '');
    if (amount === null) {
      send(response, 400, messagePage('Pré-atendimento não registrado', 'Valor inválido.', false));

      return;
    }
    const telefone = (form.get('telefone') ?? '').replace(/\D/g, '');
    const answer = await callSter('/ster/api/v1/pre-atendimentos/registra', {
      codigoServico: options.preAttendanceService ?? '30101',
      numeroIdentificacaoCliente: (form.get('cpf') ?? '').replace(/\D/g, ''),
      chaveCliente: randomUUID(),
      textoTicket: `Recarga Claro+Celular ${telefone}`,
    });
    if (!answer.ok) {
      const reason = String(answer.json.mensagem);
      send(response, 422, messagePage('Pré-atendimento não registrado', reason, false));

      return;
    }
    const protocolo = String(answer.json.protocolo);
    preAttendances.set(protocolo, { protocolo, telefone, valorCents: amount });
    const until = new Date(String(answer.json.validoAte)).toLocaleDateString('pt-BR', {
      timeZone: 'America/Sao_Paulo',
    });
    send(
      response,
      200,
      messagePage(
        'Pré-atendimento registrado',
        `Protocolo ${protocolo}. Leve este número a uma agência dos Correios até ${until}.`,
        true,
      ),
    );
  }

  /** Flow 2 at the counter: the attendant looks up what the citizen brought. */
  async function lookUpPreAttendance(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const protocolo = (form.get('protocolo') ?? '').replace(/\D/g, '');
    const pre = preAttendances.get(protocolo);
    const inSter = pre ? await callSter(`/ster/api/v1/atendimentos/${protocolo}`) : null;
    if (!pre || !inSter?.ok || inSter.json.situacao !== 'preAttendance') {
      const reason = inSter?.ok
        ? `Situação no STER: ${String(inSter.json.descricaoSituacao)}.`
        : 'Protocolo de pré-atendimento não encontrado.';
      send(response, 404, messagePage('Pré-atendimento indisponível', reason, false));

      return;
    }
    send(response, 200, preAttendanceConfirmPage(form.get('codigoCorreios') ?? '', pre));
  }

  async function confirmPreAttendance(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    const pre = preAttendances.get(form.get('protocolo') ?? '');
    if (!pre) {
      send(response, 404, messagePage('Pré-atendimento indisponível', 'Protocolo.', false));

      return;
    }
    const answer = await callSter('/ster/api/v1/pre-atendimentos/confirma', {
      codigoCorreios: form.get('codigoCorreios') ?? '',
      protocolo: pre.protocolo,
      valorServico: String(pre.valorCents),
      quantidade: 1,
    });
    if (!answer.ok) {
      const reason = String(answer.json.mensagem);
      send(response, 422, messagePage('Pré-atendimento não confirmado', reason, false));

      return;
    }
    send(
      response,
      200,
      messagePage(
        'Pré-atendimento confirmado',
        `Protocolo STER ${pre.protocolo}. Finalize o atendimento no SARA (Protocolos STER).`,
        true,
      ),
    );
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
    const signed = await verified(request, response, 400);
    if (!signed) {
      return;
    }
    confirmations.unshift({
      receivedAt: new Date().toISOString(),
      numeroProtocolo: String(signed.payload.numeroProtocolo),
      codigoConfirmacao: String(signed.payload.codigoConfirmacao),
      webhookId: signed.headers['webhook-id'] ?? '',
    });
    response.writeHead(204).end();
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
        case 'POST /validacao':
          return validate(request, response);
        case 'POST /formularios':
          return receiveForm(request, response);
        case 'GET /formularios':
          return send(response, 200, formsPage(forms));
        case 'GET /pre-atendimento':
          return send(response, 200, preAttendancePage());
        case 'POST /pre-atendimento':
          return startPreAttendance(request, response);
        case 'POST /pre-atendimento/consulta':
          return lookUpPreAttendance(request, response);
        case 'POST /pre-atendimento/confirma':
          return confirmPreAttendance(request, response);
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
    forms,
    /** Stops listening and drops open keep-alive connections (a browser tab, STER's client). */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
