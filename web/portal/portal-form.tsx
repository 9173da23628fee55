import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '@web/api/client.ts';
import type { Protocol, ServiceForm } from '@web/api/types.ts';
import { FormSections } from '@web/attendance/form-sections.tsx';
import type { RawAnswers } from '@web/attendance/form-state.ts';
import { useFormFeedback } from '@web/attendance/use-form-feedback.ts';
import { maskCpf } from '@web/attendance/masks.ts';
import { DocumentField } from '@web/components/document-field.tsx';
import { Field } from '@web/components/field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { portalApi, type Citizen, type Flow } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { parseCitizenDocument } from '@shared/documents.ts';
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
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const feedback = useFormFeedback(definition, answers);
  const { validation, submitted, serverError, citizenServer, show, errorOf, touch } = feedback;
  const documentInvalid = parseCitizenDocument(document) === null;
  const documentError =
    citizenServer.document ?? (show('document') && documentInvalid ? DOCUMENT_ERROR : undefined);

  const changeAnswer = (id: string, value: string) => {
    setAnswers((current) => ({ ...current, [id]: value }));
    if (id === nameField) {
      setNameEdited(true);
    }
    feedback.clearServer(`body.formData.${id}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.markSubmitted();
    if (busy || !validation.ok || documentInvalid) {
      return;
    }
    setBusy(true);
    feedback.clearRefusal();
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
      feedback.refused(toApiError(failure));
      setBusy(false);
    }
  };

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>Seus dados</legend>
        <div className="form-grid">
          <DocumentField
            label={citizen ? 'Seu CPF (do IdCorreios)' : 'Seu CPF ou CNPJ'}
            required
            readOnly={citizen !== null}
            value={document}
            error={documentError}
            onBlur={() => touch('document')}
            onChange={(masked) => {
              setDocument(masked);
              if (cpfField && masked.length <= 14) {
                setAnswers((current) => ({ ...current, [cpfField]: masked }));
              }
            }}
          />
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
      <FormSections
        definition={definition}
        answers={answers}
        errorOf={errorOf}
        onChange={changeAnswer}
        onBlur={touch}
      />
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
