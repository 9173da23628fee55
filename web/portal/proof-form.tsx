import { useState, type FormEvent } from 'react';
import { DocumentField } from '@web/components/document-field.tsx';
import { ProtocolCodeField, protocolCodeError } from '@web/components/protocol-code-field.tsx';
import type { Proof } from '@web/portal/portal-api.ts';
import { parseCitizenDocument } from '@shared/documents.ts';

export type ProofFormProps = {
  initialCode?: string;
  submitLabel: string;
  busy: boolean;
  serverFields?: { field: string; message: string }[];
  onSubmit: (proof: Proof) => void;
};

/** Protocol code and CPF: the code's check digit is verified here, as the server does. */
export function ProofForm({
  initialCode = '',
  submitLabel,
  busy,
  serverFields = [],
  onSubmit,
}: ProofFormProps) {
  const [code, setCode] = useState(initialCode);
  const [document, setDocument] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const server = (field: string) => serverFields.find((f) => f.field === field)?.message;
  const codeError = submitted ? (protocolCodeError(code) ?? server('body.code')) : undefined;
  const documentError = submitted
    ? parseCitizenDocument(document) === null
      ? 'CPF ou CNPJ inválido: confira os dígitos.'
      : server('body.document')
    : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!busy && protocolCodeError(code) === null && parseCitizenDocument(document)) {
      onSubmit({ code, document });
    }
  };

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <ProtocolCodeField
          label="Código do protocolo"
          required
          value={code}
          error={codeError}
          onChange={setCode}
        />
        <DocumentField
          label="Seu CPF ou CNPJ"
          required
          value={document}
          error={documentError}
          onChange={setDocument}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Consultando…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
