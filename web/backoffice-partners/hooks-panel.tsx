import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { partnersApi, type ServiceHook } from '@web/backoffice-partners/partners-api.ts';

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

type HookUrls = { validationUrl: string | null; submissionUrl: string | null };
type HookFormProps = { partnerId: string; hook: ServiceHook; onSaved: () => void };

const URL_FIELDS = [
  {
    name: 'validationUrl',
    label: 'URL de validação',
    help: 'https; chamada antes de criar o protocolo; vazio para não validar',
  },
  {
    name: 'submissionUrl',
    label: 'URL de envio dos dados',
    help: 'https; recebe os dados do formulário; vazio para não enviar',
  },
] as const;

/** The two partner URLs of one hosted-form service; saving both empty removes the hook. */
function HookForm({ partnerId, hook, onSaved }: HookFormProps) {
  const [urls, setUrls] = useState({
    validationUrl: hook.validationUrl ?? '',
    submissionUrl: hook.submissionUrl ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const send = async (body: HookUrls) => {
    setError(null);
    setSaved(null);
    try {
      await partnersApi.setHook(partnerId, hook.serviceId, body);
      setUrls({ validationUrl: body.validationUrl ?? '', submissionUrl: body.submissionUrl ?? '' });
      const cleared = body.validationUrl === null && body.submissionUrl === null;
      setSaved(cleared ? 'Chamadas ao parceiro removidas.' : 'Chamadas ao parceiro salvas.');
      onSaved();
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void send({
      validationUrl: blankToNull(urls.validationUrl),
      submissionUrl: blankToNull(urls.submissionUrl),
    });
  };
  const fieldError = (name: string) =>
    error?.fields.find((field) => field.field === `body.${name}`)?.message;
  const anyFieldError = URL_FIELDS.some((spec) => fieldError(spec.name));
  const title = `${hook.serviceCode} – ${hook.serviceName}`;

  return (
    <form className="panel" aria-label={title} onSubmit={save}>
      <h3>{title}</h3>
      {URL_FIELDS.map((spec) => (
        <Field
          key={spec.name}
          label={spec.label}
          help={spec.help}
          error={fieldError(spec.name)}
          wide
        >
          {(props) => (
            <input
              {...props}
              type="url"
              value={urls[spec.name]}
              onChange={(e) => setUrls({ ...urls, [spec.name]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <div className="actions">
        <button type="submit" className="button button-primary">
          Salvar chamadas
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void send({ validationUrl: null, submissionUrl: null })}
        >
          Remover chamadas
        </button>
      </div>
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      {!anyFieldError && <ErrorMessage error={error} />}
    </form>
  );
}

export type HooksPanelProps = { partnerId: string; onChanged: () => void };

/** The partner client's hosted-form services and the partner endpoints each one calls. */
export function HooksPanel({ partnerId, onChanged }: HooksPanelProps) {
  const load = useLoad(() => partnersApi.hooks(partnerId), [partnerId]);
  const hosted = (load.data?.services ?? []).filter((hook) => hook.solution === 'hostedForm');

  return (
    <section aria-labelledby="partner-hooks-title">
      <h2 id="partner-hooks-title" className="section-title">
        Serviços com formulário do STER
      </h2>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {load.loading && !load.data && <p role="status">Carregando serviços…</p>}
      {load.data && hosted.length === 0 && (
        <p>O cliente deste parceiro não tem serviços com formulário do STER.</p>
      )}
      {hosted.map((hook) => (
        <HookForm key={hook.serviceId} partnerId={partnerId} hook={hook} onSaved={onChanged} />
      ))}
    </section>
  );
}
