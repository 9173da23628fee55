import type { Protocol } from '@web/api/types.ts';
import { Kbd } from '@web/components/kbd.tsx';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { navigate } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';

export type CreatedPanelProps = { protocol: Protocol; title?: string };

/** After a protocol becomes pending: generate its attendance now, or leave it on the list. */
export function CreatedPanel({ protocol, title = 'Protocolo registrado' }: CreatedPanelProps) {
  const generate = () => navigate(`/balcao/venda/${protocol.code}`);
  const list = () => navigate('/balcao/protocolos');
  useShortcuts({ F2: generate, F3: list });

  return (
    <section className="panel panel-success" aria-labelledby="created-title">
      <h2 id="created-title">{title}</h2>
      <p role="status">
        Protocolo{' '}
        <strong className="mono" data-testid="created-code">
          {protocol.code}
        </strong>{' '}
        {protocol.statusLabel.toLowerCase()} · {protocol.service.name}
        {protocol.totalCents !== null && <> · {formatBRL(protocol.totalCents)}</>}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" autoFocus onClick={generate}>
          Gerar atendimento <Kbd keys="F2" />
        </button>
        <button type="button" className="button" onClick={list}>
          Ir para protocolos pendentes <Kbd keys="F3" />
        </button>
      </div>
    </section>
  );
}
