import { useState, type FormEvent } from 'react';
import { CitizenFields, type CitizenValue } from '@web/attendance/citizen-fields.tsx';
import { DocumentsChecklist } from '@web/attendance/documents-checklist.tsx';
import { FormSections } from '@web/attendance/form-sections.tsx';
import { toFormData, type RawAnswers } from '@web/attendance/form-state.ts';
import { useFormFeedback } from '@web/attendance/use-form-feedback.ts';
import { newIdempotencyKey } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol, ServiceForm } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { allFields, type FormDefinition } from '@shared/forms/form-definition.ts';
import { parseCitizenDocument } from '@shared/documents.ts';

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
  const [documents, setDocuments] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const feedback = useFormFeedback(definition, answers);
  const { validation, submitted, serverError, serverFields, citizenServer, show } = feedback;
  const { errorOf, touch, clearServer } = feedback;
  const documentInvalid = parseCitizenDocument(citizen.document) === null;
  const mirror = mirrors(definition);

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
    feedback.markSubmitted();
    if (busy || !validation.ok || documentInvalid || preview) {
      return;
    }
    setBusy(true);
    feedback.clearRefusal();
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
      feedback.refused(toApiError(failure));
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
      <FormSections
        definition={definition}
        answers={answers}
        errorOf={errorOf}
        onChange={changeAnswer}
        onBlur={touch}
      />
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
