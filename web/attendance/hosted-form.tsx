import { useState, type FormEvent } from 'react';
import { CitizenFields, type CitizenValue } from '@web/attendance/citizen-fields.tsx';
import { DocumentsChecklist } from '@web/attendance/documents-checklist.tsx';
import { FormFieldInput } from '@web/attendance/form-field-input.tsx';
import {
  serverFieldErrors,
  toFormData,
  validateAnswers,
  visibleFields,
  type RawAnswers,
} from '@web/attendance/form-state.ts';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol, ServiceForm } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { allFields, type FormDefinition } from '@shared/forms/form-definition.ts';
import { parseCitizenDocument } from '@shared/documents.ts';
import type { ErrorField } from '@shared/errors.ts';

export type HostedFormProps = {
  serviceId: string;
  form: ServiceForm;
  onCreated: (protocol: Protocol) => void;
  /** The form builder's live preview: the same form, but submitting only validates. */
  preview?: boolean | undefined;
};

const CITIZEN_DOCUMENT_ERROR = 'CPF ou CNPJ inválido: confira os dígitos.';

/** The fields the citizen's own data fills in while the attendant has not typed in them. */
function mirrors(definition: FormDefinition) {
  const fields = allFields(definition);

  return {
    document: fields.find((field) => field.type === 'cpf')?.id,
    name: fields.find((field) => field.id === 'nome' && field.type === 'text')?.id,
  };
}

/** A hosted form ("solução parametrizável") filled at the counter; submitting makes it pending. */
export function HostedForm({ serviceId, form, onCreated, preview }: HostedFormProps) {
  const { definition } = form;
  const [citizen, setCitizen] = useState<CitizenValue>({ document: '', name: '' });
  const [answers, setAnswers] = useState<RawAnswers>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [documents, setDocuments] = useState<string[]>([]);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [serverFields, setServerFields] = useState<ErrorField[]>([]);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const validation = validateAnswers(definition, answers);
  const clientErrors = validation.ok
    ? {}
    : Object.fromEntries(
        [...validation.errors].reverse().map((error) => [error.field, error.message]),
      );
  const serverErrors = serverFieldErrors(serverFields, 'body.formData.');
  const citizenServer = serverFieldErrors(serverFields, 'body.citizen.');
  const documentInvalid = parseCitizenDocument(citizen.document) === null;
  const show = (id: string) => submitted || touched.has(id);
  const errorOf = (id: string) => serverErrors[id] ?? (show(id) ? clientErrors[id] : undefined);
  const mirror = mirrors(definition);

  const touch = (id: string) => setTouched((current) => new Set(current).add(id));
  const clearServer = (path: string) =>
    setServerFields((current) => current.filter((field) => field.field !== path));
  const changeAnswer = (id: string, value: string) => {
    setAnswers((current) => ({ ...current, [id]: value }));
    setEdited((current) => new Set(current).add(id));
    clearServer(`body.formData.${id}`);
  };
  const changeCitizen = (next: CitizenValue) => {
    setCitizen(next);
    setAnswers((current) => ({
      ...current,
      ...(mirror.document && !edited.has(mirror.document)
        ? { [mirror.document]: next.document.length <= 14 ? next.document : '' }
        : {}),
      ...(mirror.name && !edited.has(mirror.name) ? { [mirror.name]: next.name } : {}),
    }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (busy || !validation.ok || documentInvalid || preview) {
      return;
    }
    setBusy(true);
    setServerError(null);
    setServerFields([]);
    try {
      const name = citizen.name.trim();
      const result = await sterApi.attendInPerson(
        {
          serviceId,
          citizen: { document: citizen.document, ...(name ? { name } : {}) },
          formData: validation.values,
          documentsChecked: documents,
        },
        { idempotencyKey: key },
      );
      onCreated(result.protocol);
    } catch (failure) {
      const error = toApiError(failure);
      setServerError(error);
      setServerFields(error.fields);
      setBusy(false);
    }
  };
  useShortcuts({ F9: () => void submit() }, !preview);

  const fieldCount = Object.keys(toFormData(definition, answers)).length;

  return (
    <form className="hosted-form" onSubmit={submit} noValidate aria-describedby="form-status">
      <CitizenFields
        value={citizen}
        errors={{
          document:
            citizenServer.document ??
            (show('citizen.document') && documentInvalid ? CITIZEN_DOCUMENT_ERROR : undefined),
          name: citizenServer.name,
        }}
        onChange={changeCitizen}
        onBlur={(field) => touch(`citizen.${field}`)}
      />
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
      <DocumentsChecklist
        documents={definition.requiredDocuments}
        checked={documents}
        error={serverFields.find((f) => f.field === 'body.documentsChecked')?.message}
        onChange={(next) => {
          setDocuments(next);
          clearServer('body.documentsChecked');
        }}
      />
      <ErrorMessage error={serverError} />
      {preview && submitted && validation.ok && !documentInvalid && (
        <p className="alert alert-success" role="status">
          Pré-visualização: os dados são válidos. Nada foi registrado.
        </p>
      )}
      {submitted && (!validation.ok || documentInvalid) && (
        <p className="alert alert-error" role="alert">
          Corrija os campos destacados antes de registrar.
        </p>
      )}
      <div className="actions actions-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Registrando…' : 'Registrar atendimento'} <Kbd keys="F9" />
        </button>
        <span className="muted" id="form-status">
          {fieldCount} campo(s) preenchido(s) · formulário versão {form.version}
        </span>
      </div>
    </form>
  );
}
