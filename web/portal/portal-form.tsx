import { useState, type FormEvent } from 'react';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import type { Protocol, ServiceForm } from '@web/api/types.ts';
import { FormFieldInput } from '@web/attendance/form-field-input.tsx';
import {
  serverFieldErrors,
  validateAnswers,
  visibleFields,
  type RawAnswers,
} from '@web/attendance/form-state.ts';
import { maskCpf, maskCpfOrCnpj } from '@web/attendance/masks.ts';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { portalApi, type Citizen, type Flow } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { parseCitizenDocument } from '@shared/documents.ts';
import type { ErrorField } from '@shared/errors.ts';
import { allFields } from '@shared/forms/form-definition.ts';

export type PortalFormProps = {
  flow: Flow;
  serviceId: string;
  form: ServiceForm;
  /** The signed-in citizen (virtual attendance): their CPF is fixed. */
  citizen: Citizen | null;
  onCreated: (protocol: Protocol, document: string) => void;
};

/** The server's message for a bad CPF/CNPJ (`parseDocumentField`), shown before sending. */
const DOCUMENT_ERROR = 'CPF ou CNPJ inválido: confira os dígitos.';

/** The service's hosted form, filled by the citizen; the same checks as the server's. */
export function PortalForm({ flow, serviceId, form, citizen, onCreated }: PortalFormProps) {
  const { definition } = form;
  const fields = allFields(definition);
  const cpfField = fields.find((field) => field.type === 'cpf')?.id;
  // The person's own name fills the form's "nome" field until they type in it themselves.
  const nameField = fields.find((field) => field.id === 'nome' && field.type === 'text')?.id;
  const [nameEdited, setNameEdited] = useState(false);
  const [document, setDocument] = useState(citizen ? maskCpf(citizen.cpf) : '');
  const [name, setName] = useState(citizen?.name ?? '');
  const [answers, setAnswers] = useState<RawAnswers>({
    ...(citizen && cpfField ? { [cpfField]: maskCpf(citizen.cpf) } : {}),
    ...(citizen?.name && nameField ? { [nameField]: citizen.name } : {}),
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [serverFields, setServerFields] = useState<ErrorField[]>([]);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const validation = validateAnswers(definition, answers);
  const clientErrors = validation.ok
    ? {}
    : Object.fromEntries([...validation.errors].reverse().map((e) => [e.field, e.message]));
  const serverErrors = serverFieldErrors(serverFields, 'body.formData.');
  const citizenServer = serverFieldErrors(serverFields, 'body.citizen.');
  const documentInvalid = parseCitizenDocument(document) === null;
  const show = (id: string) => submitted || touched.has(id);
  const errorOf = (id: string) => serverErrors[id] ?? (show(id) ? clientErrors[id] : undefined);
  const touch = (id: string) => setTouched((current) => new Set(current).add(id));
  const documentError =
    citizenServer.document ?? (show('document') && documentInvalid ? DOCUMENT_ERROR : undefined);

  const changeAnswer = (id: string, value: string) => {
    setAnswers((current) => ({ ...current, [id]: value }));
    if (id === nameField) {
      setNameEdited(true);
    }
    setServerFields((current) => current.filter((f) => f.field !== `body.formData.${id}`));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy || !validation.ok || documentInvalid) {
      return;
    }
    setBusy(true);
    setServerError(null);
    setServerFields([]);
    try {
      const trimmed = name.trim();
      const result = await portalApi.submit(
        flow,
        {
          serviceId,
          citizen: { document, ...(trimmed ? { name: trimmed } : {}) },
          formData: validation.values,
        },
        { idempotencyKey: key },
      );
      onCreated(result.protocol, document);
    } catch (failure) {
      const error = toApiError(failure);
      setServerError(error);
      setServerFields(error.fields);
      setBusy(false);
    }
  };

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>Seus dados</legend>
        <div className="form-grid">
          <Field
            label={citizen ? 'Seu CPF (do IdCorreios)' : 'Seu CPF ou CNPJ'}
            required
            error={documentError}
          >
            {(props) => (
              <input
                {...props}
                className="mono"
                inputMode="numeric"
                autoComplete="off"
                readOnly={citizen !== null}
                placeholder="000.000.000-00"
                value={document}
                onBlur={() => touch('document')}
                onChange={(event) => {
                  const masked = maskCpfOrCnpj(event.target.value);
                  setDocument(masked);
                  if (cpfField && masked.length <= 14) {
                    setAnswers((current) => ({ ...current, [cpfField]: masked }));
                  }
                }}
              />
            )}
          </Field>
          <Field label="Seu nome" error={citizenServer.name} wide>
            {(props) => (
              <input
                {...props}
                autoComplete="name"
                maxLength={120}
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  if (nameField && !nameEdited) {
                    setAnswers((current) => ({ ...current, [nameField]: event.target.value }));
                  }
                }}
              />
            )}
          </Field>
        </div>
      </fieldset>
      {definition.sections.map((section) => (
        <fieldset key={section.id} className="form-section">
          <legend>{section.title}</legend>
          <div className="form-grid">
            {visibleFields(definition, answers, section.fields).map((field) => (
              <FormFieldInput
                key={field.id}
                field={field}
                value={answers[field.id] ?? ''}
                error={errorOf(field.id)}
                onChange={(value) => changeAnswer(field.id, value)}
                onBlur={() => touch(field.id)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {flow === 'preAttendance' && definition.requiredDocuments.length > 0 && (
        <section className="panel" aria-labelledby="docs-title">
          <h2 id="docs-title">Documentos para levar à agência</h2>
          <ul>
            {definition.requiredDocuments.map((required) => (
              <li key={required.id}>{required.label}</li>
            ))}
          </ul>
        </section>
      )}
      <PortalError error={serverError} />
      {submitted && (!validation.ok || documentInvalid) && (
        <p className="alert alert-error" role="alert">
          Corrija os campos destacados para continuar.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy
            ? 'Enviando…'
            : flow === 'virtual'
              ? 'Concluir atendimento'
              : 'Gerar comprovante de pré-atendimento'}
        </button>
      </div>
    </form>
  );
}
