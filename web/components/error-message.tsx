import type { ApiError } from '@web/api/client.ts';

export type ErrorMessageProps = {
  error: ApiError | null;
  onRetry?: (() => void) | undefined;
  /** Back-office screens: a 409 there is about a catalogue record, not a protocol. */
  catalogue?: boolean | undefined;
};

const CONFLICT_CODES = new Set(['ILLEGAL_TRANSITION', 'CONFLICT', 'PROTOCOL_EXPIRED']);

/** What to do next, by error code; the server's own message says what happened. */
function advice(error: ApiError): string | null {
  if (error.code === 'NETWORK') {
    return null;
  }
  if (CONFLICT_CODES.has(error.code)) {
    return (
      'Outro atendente ou terminal pode já ter finalizado ou cancelado este protocolo. ' +
      'Atualize a lista de protocolos e confira a situação antes de continuar.'
    );
  }
  if (error.code === 'IDEMPOTENCY_IN_FLIGHT') {
    return 'A operação anterior ainda está sendo processada. Aguarde alguns segundos e repita.';
  }
  if (error.code === 'UNAVAILABLE' || error.code === 'INTERNAL') {
    return 'Tente de novo em instantes. Se persistir, chame o suporte.';
  }
  if (error.code === 'UNAUTHENTICATED') {
    return 'Entre novamente com sua matrícula e senha.';
  }

  return null;
}

/** A failure shown as a clear message, with what to do next and, when it helps, a retry. */
export function ErrorMessage({ error, onRetry, catalogue }: ErrorMessageProps) {
  if (!error) {
    return null;
  }
  if (catalogue) {
    return <CatalogueError error={error} onRetry={onRetry} />;
  }
  const next = advice(error);
  const isConflict = error.status === 409;

  return (
    <div className={`alert ${isConflict ? 'alert-warning' : 'alert-error'}`} role="alert">
      <strong>{isConflict ? 'Protocolo já alterado' : titleOf(error)}</strong>
      <p>{error.message}</p>
      {next && <p>{next}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Tentar de novo
        </button>
      )}
    </div>
  );
}

function titleOf(error: ApiError): string {
  if (error.code === 'NETWORK') {
    return 'Sem conexão';
  }

  return error.status >= 500 ? 'Falha no servidor' : 'Não foi possível concluir';
}

function CatalogueError({ error, onRetry }: ErrorMessageProps & { error: ApiError }) {
  const stale = error.code === 'STALE_VERSION';

  return (
    <div className={`alert ${error.status === 409 ? 'alert-warning' : 'alert-error'}`} role="alert">
      <strong>{stale ? 'Registro alterado por outra pessoa' : titleOf(error)}</strong>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Tentar de novo
        </button>
      )}
    </div>
  );
}
