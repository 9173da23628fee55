import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Staff } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';

export type SignInProps = { onSignedIn: (staff: Staff) => void };

export function SignIn({ onSignedIn }: SignInProps) {
  const [registration, setRegistration] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const registrationError = error?.fields.find((f) => f.field === 'body.registration')?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn((await sterApi.signIn(registration, password)).staff);
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="signin-brand" aria-hidden="true">
          ✉ <strong>STER</strong>
        </div>
        <h1 id="signin-title">Entrar no atendimento</h1>
        <p className="muted">Sistema de Serviços de Terceiros · balcão SARA</p>
        <ErrorMessage error={registrationError ? null : error} />
        <Field label="Matrícula" required error={registrationError}>
          {(props) => (
            <input
              {...props}
              autoFocus
              inputMode="numeric"
              autoComplete="username"
              maxLength={8}
              value={registration}
              onChange={(event) => setRegistration(event.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
        <Field label="Senha" required>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button className="button button-primary" type="submit" disabled={busy}>
          {busy ? 'Entrando…' : 'Entrar'}
        </button>
      </form>
    </main>
  );
}
