import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@web/api/client.ts';

export type Load<T> = {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
};

/** Loads what a screen shows; a failure becomes an ApiError the screen displays, never a throw. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    run()
      .then((value) => live && setData(value))
      .catch((failure: unknown) => live && setError(toApiError(failure)))
      .finally(() => live && setLoading(false));

    return () => {
      live = false;
    };
  }, [run, round]);

  return { data, error, loading, reload: () => setRound((value) => value + 1) };
}

export function toApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) {
    return failure;
  }

  return new ApiError(0, 'BAD_RESPONSE', 'Erro inesperado na tela. Recarregue a página.');
}
