/** HTML of the demo partner site, in Portuguese; every value is escaped. */

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Claro Recargas (demonstração)</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
    color: #1a1a1a; }
  header { border-bottom: 4px solid #da291c; margin-bottom: 1.5rem; }
  h1 { color: #da291c; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { font-size: 1rem; padding: .4rem; width: 100%; box-sizing: border-box; }
  button { margin-top: 1.5rem; font-size: 1rem; padding: .6rem 1.2rem; background: #da291c;
    color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .erro { background: #fde8e6; border-left: 4px solid #da291c; padding: .8rem; }
  .ok { background: #e7f6ea; border-left: 4px solid #1e7a34; padding: .8rem; }
  table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .4rem; }
</style>
</head>
<body>
<header><p>Claro Recargas · site de demonstração de parceiro do STER</p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
<footer><p><a href="/confirmacoes">Confirmações recebidas</a> ·
<a href="/formularios">Formulários recebidos</a> ·
<a href="/pre-atendimento">Recarga com pré-atendimento</a></p></footer>
</body>
</html>`;
}

export type CodigoInfo = {
  codigoAgencia: string;
  nomeAgencia: string;
  matriculaAtendente: string;
  nomeServico: string;
};

export function salePage(codigoCorreios: string, info: CodigoInfo, saleKey: string): string {
  return layout(
    'Recarga de celular',
    saleForm(codigoCorreios, info, saleKey) + preAttendanceLookupForm(codigoCorreios),
  );
}

function saleForm(codigoCorreios: string, info: CodigoInfo, saleKey: string): string {
  return `<p>Agência <strong>${escapeHtml(info.codigoAgencia)} – ${escapeHtml(info.nomeAgencia)}</strong>,
atendente <strong>${escapeHtml(info.matriculaAtendente)}</strong> · ${escapeHtml(info.nomeServico)}</p>
<form method="post" action="/venda">
  <input type="hidden" name="codigoCorreios" value="${escapeHtml(codigoCorreios)}">
  <input type="hidden" name="chaveCliente" value="${escapeHtml(saleKey)}">
  <label for="telefone">Número do celular (com DDD)</label>
  <input id="telefone" name="telefone" inputmode="tel" required pattern="[0-9()\\s-]{10,16}"
    placeholder="(61) 99999-0000">
  <label for="valor">Valor da recarga (R$)</label>
  <input id="valor" name="valor" inputmode="decimal" required value="15,00">
  <label for="cpf">CPF do cliente (só números)</label>
  <input id="cpf" name="cpf" inputmode="numeric" required pattern="[0-9]{11}">
  <button type="submit">Registrar venda no STER</button>
</form>`;
}

export function messagePage(title: string, message: string, ok: boolean): string {
  return layout(title, `<p class="${ok ? 'ok' : 'erro'}" role="status">${escapeHtml(message)}</p>`);
}

export type ReceivedConfirmation = {
  receivedAt: string;
  numeroProtocolo: string;
  codigoConfirmacao: string;
  webhookId: string;
};

export function confirmationsPage(list: readonly ReceivedConfirmation[]): string {
  const rows = list
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.receivedAt)}</td><td>${escapeHtml(item.numeroProtocolo)}</td>` +
        `<td>${escapeHtml(item.codigoConfirmacao)}</td><td>${escapeHtml(item.webhookId)}</td></tr>`,
    )
    .join('\n');

  return layout(
    'Confirmações recebidas do STER',
    list.length === 0
      ? '<p>Nenhuma confirmação recebida ainda.</p>'
      : `<table><thead><tr><th>Recebida em</th><th>Protocolo</th><th>Código</th>
<th>webhook-id</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The citizen's page: a top-up started at home, paid and confirmed at a post office. */
export function preAttendancePage(): string {
  return layout(
    'Recarga com pré-atendimento',
    `<p>Comece aqui e conclua numa agência dos Correios: leve o número do protocolo.</p>
<form method="post" action="/pre-atendimento">
  <label for="telefone">Número do celular (com DDD)</label>
  <input id="telefone" name="telefone" inputmode="tel" required pattern="[0-9()\\s-]{10,16}">
  <label for="valor">Valor da recarga (R$)</label>
  <input id="valor" name="valor" inputmode="decimal" required value="15,00">
  <label for="cpf">Seu CPF (só números)</label>
  <input id="cpf" name="cpf" inputmode="numeric" required pattern="[0-9]{11}">
  <button type="submit">Gerar protocolo de pré-atendimento</button>
</form>`,
  );
}

/** On the attendant's sale page: find the pre-attendance the citizen brought. */
export function preAttendanceLookupForm(codigoCorreios: string): string {
  return `<h2>Continuar pré-atendimento</h2>
<form method="post" action="/pre-atendimento/consulta">
  <input type="hidden" name="codigoCorreios" value="${escapeHtml(codigoCorreios)}">
  <label for="protocolo">Protocolo de pré-atendimento</label>
  <input id="protocolo" name="protocolo" inputmode="numeric" required pattern="[0-9]{14}">
  <button type="submit">Consultar pré-atendimento</button>
</form>`;
}

export type PreAttendance = { protocolo: string; telefone: string; valorCents: number };

/** What the attendant checks before confirming the pre-attendance in STER. */
export function preAttendanceConfirmPage(codigoCorreios: string, pre: PreAttendance): string {
  const value = (pre.valorCents / 100).toFixed(2).replace('.', ',');

  return layout(
    `Pré-atendimento ${pre.protocolo}`,
    `<dl>
  <dt>Celular</dt><dd>${escapeHtml(pre.telefone)}</dd>
  <dt>Valor da recarga</dt><dd>R$ ${escapeHtml(value)}</dd>
</dl>
<p>Documentos: peça um documento de identidade com foto do titular do CPF.</p>
<form method="post" action="/pre-atendimento/confirma">
  <input type="hidden" name="codigoCorreios" value="${escapeHtml(codigoCorreios)}">
  <input type="hidden" name="protocolo" value="${escapeHtml(pre.protocolo)}">
  <button type="submit">Confirmar pré-atendimento no STER</button>
</form>`,
  );
}

export type ReceivedForm = { receivedAt: string; numeroProtocolo: string; linha: string };

export function formsPage(list: readonly ReceivedForm[]): string {
  const rows = list
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.receivedAt)}</td><td>${escapeHtml(item.numeroProtocolo)}</td>` +
        `<td>${escapeHtml(item.linha)}</td></tr>`,
    )
    .join('\n');

  return layout(
    'Formulários recebidos do STER',
    list.length === 0
      ? '<p>Nenhum formulário recebido ainda.</p>'
      : `<table><thead><tr><th>Recebido em</th><th>Protocolo</th><th>Linha</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}
