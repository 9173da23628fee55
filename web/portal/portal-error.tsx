import type { ApiError } from '@web/api/client.ts';

export type PortalErrorProps = { error: ApiError | null; onRetry?: (() => void) | undefined };

/** A refusal or a failure, in plain words, with what to do next. */
export function PortalError({ error, onRetry }: PortalErrorProps) {
  if (!error) {
    return null;
  }
  const title =
    error.code === 'NETWORK'
      ? 'Sem conexão'
      : error.code === 'RATE_LIMITED'
        ? 'Muitas tentativas'
        : 'Não foi possível continuar';

  return (
    <div className="alert alert-error" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Tentar de novo
        </button>
      )}
    </div>
  );
}
