import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A stand-in for the post's ERP: it receives issued statements as STER sends them (signed JSON
 * POSTs), acknowledges each with a receipt number, and offers its acknowledgement file in the
 * format STER's reconciliation imports. No framework, memory only: it plays a system outside STER.
 */
export type ErpStandinOptions = {
  host?: string;
  port?: number;
  /** The Standard Webhooks secret (whsec_...) STER signs statements with. */
  secret: string;
};

type StatementLine = { protocolCode: string; totalCents: number };

/** What the stand-in keeps of each statement it received. */
export type ReceivedStatement = {
  webhookId: string;
  receipt: string;
  number: string;
  totalCents: number;
  lines: StatementLine[];
  receivedAt: string;
};

const MAX_BODY = 4 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function decimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);

  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** The acknowledgement file: one row per statement and protocol, net amount (credits < 0). */
export function acknowledgementFile(received: readonly ReceivedStatement[]): string {
  const rows = ['extrato;protocolo;valor'];
  for (const statement of received) {
    const net = new Map<string, number>();
    for (const line of statement.lines) {
      net.set(line.protocolCode, (net.get(line.protocolCode) ?? 0) + line.totalCents);
    }
    for (const [code, cents] of net) {
      rows.push(`${statement.number};${code};${decimal(cents)}`);
    }
  }

  return `${rows.join('\r\n')}\r\n`;
}

export async function startErpStandin(options: ErpStandinOptions) {
  const verifier = new Webhook(options.secret);
  const received: ReceivedStatement[] = [];

  async function receive(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    let statement: { number?: unknown; totalCents?: unknown; lines?: unknown };
    try {
      statement = verifier.verify(body, headers) as typeof statement;
    } catch {
      json(response, 401, { aceito: false, mensagem: 'Assinatura inválida.' });

      return;
    }
    // A retry of a statement already received gets the same receipt, not a second one.
    const known = received.find((item) => item.webhookId === headers['webhook-id']);
    const lines = Array.isArray(statement.lines) ? (statement.lines as StatementLine[]) : [];
    const entry = known ?? {
      webhookId: headers['webhook-id'],
      receipt: `ERP-${String(received.length + 1).padStart(6, '0')}`,
      number: String(statement.number),
      totalCents: Number(statement.totalCents),
      lines: lines.map((line) => ({
        protocolCode: line.protocolCode,
        totalCents: line.totalCents,
      })),
      receivedAt: new Date().toISOString(),
    };
    if (!known) {
      received.push(entry);
    }
    json(response, 200, {
      aceito: true,
      protocoloRecebimento: entry.receipt,
      totalCentavos: entry.totalCents,
      mensagem: `Extrato ${entry.number} recebido.`,
    });
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://erp').pathname;
    if (request.method === 'POST' && path === '/extratos') {
      receive(request, response).catch(() => json(response, 400, { aceito: false }));
    } else if (request.method === 'GET' && path === '/extratos') {
      json(response, 200, { extratos: received });
    } else if (request.method === 'GET' && path === '/confirmacoes.csv') {
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      response.end(acknowledgementFile(received));
    } else {
      json(response, 404, { mensagem: 'Não encontrado.' });
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 3300, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type ErpStandin = Awaited<ReturnType<typeof startErpStandin>>;
