import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { sterApi, type CounterReference } from '@web/api/endpoints.ts';
import type { Sale } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { newCounterReference, saveTill } from '@web/counter/counter-reference.ts';
import { ReferenceFields } from '@web/counter/reference-fields.tsx';
import { SaleGrid } from '@web/counter/sale-grid.tsx';
import { Link, navigate } from '@web/router.tsx';

export type SaleScreenProps = { code: string };

/** The sale screen "Gerar atendimento" fills; "Finalizar" records the till's references. */
export function SaleScreen({ code }: SaleScreenProps) {
  const [sale, setSale] = useState<Sale | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reference, setReference] = useState<CounterReference>(newCounterReference);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const generated = useRef(false);

  useEffect(() => {
    if (generated.current) {
      return;
    }
    generated.current = true;
    sterApi
      .generate(code)
      .then((result) => setSale(result.sale))
      .catch((failure: unknown) => setLoadError(toApiError(failure)));
  }, [code]);

  const finalise = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!sale || busy) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sterApi.finalise(code, reference, { idempotencyKey: key });
      saveTill(reference.till);
      navigate(`/balcao/comprovante/${code}`, { replace: true });
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };
  const back = () => navigate('/balcao/protocolos');
  useShortcuts({ F9: () => void finalise(), Escape: back });

  return (
    <Layout title="Atendimento – venda do serviço STER">
      <p className="muted">
        Protocolo STER <strong className="mono">{code}</strong>
      </p>
      <ErrorMessage error={loadError} />
      {loadError && (
        <p>
          <Link to="/balcao/protocolos">Voltar aos protocolos pendentes</Link>
        </p>
      )}
      {!sale && !loadError && <p role="status">Gerando atendimento…</p>}
      {sale && (
        <form onSubmit={finalise} className="sale">
          <h2 className="section-title">
            {sale.service.code} – {sale.service.name}
          </h2>
          <SaleGrid sale={sale} />
          <ReferenceFields reference={reference} onChange={setReference} error={error} />
          <ErrorMessage error={error} />
          {error?.status === 409 && (
            <p>
              <Link to="/balcao/protocolos">Voltar aos protocolos pendentes</Link> ·{' '}
              <Link to={`/ster/protocolo/${code}`}>Ver histórico do protocolo</Link>
            </p>
          )}
          <div className="actions actions-bar">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Finalizando…' : 'Finalizar'} <Kbd keys="F9" />
            </button>
            <button type="button" className="button" onClick={back}>
              Cancelar <Kbd keys="Esc" />
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
