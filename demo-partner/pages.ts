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
<footer><p><a href="/confirmacoes">Confirmações recebidas</a></p></footer>
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
    `<p>Agência <strong>${escapeHtml(info.codigoAgencia)} – ${escapeHtml(info.nomeAgencia)}</strong>,
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
</form>`,
  );
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
