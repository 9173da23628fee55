import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { DocumentField } from '@web/components/document-field.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { protocolCodeError, ProtocolCodeField } from '@web/components/protocol-code-field.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { SearchResults } from '@web/lookup/search-results.tsx';
import { parseCitizenDocument } from '@shared/documents.ts';

/** "Consulta Protocolo": by protocol code or by CPF/CNPJ (sent in the body, never the URL). */
export function ProtocolSearch() {
  const [code, setCode] = useState('');
  const [document, setDocument] = useState('');
  const [problems, setProblems] = useState<{ code?: string; document?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [results, setResults] = useState<Protocol[] | null>(null);
  const [busy, setBusy] = useState(false);
  const serverField = (name: string) =>
    error?.fields.find((field) => field.field === `body.${name}`)?.message;

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      code: code.trim() ? (protocolCodeError(code) ?? undefined) : undefined,
      document:
        document.trim() && !parseCitizenDocument(document)
          ? 'CPF ou CNPJ inválido: confira os dígitos.'
          : undefined,
    };
    if (!code.trim() && !document.trim()) {
      found.code = 'Informe o protocolo ou o CPF/CNPJ.';
    }
    setProblems(found);
    if (found.code || found.document) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const query = {
        ...(code.trim() ? { code: code.trim() } : {}),
        ...(document ? { document } : {}),
      };
      setResults((await sterApi.search(query)).protocols);
    } catch (failure) {
      setError(toApiError(failure));
      setResults(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title="Consulta Protocolo" system="STER">
      <form className="toolbar" onSubmit={search} role="search" noValidate>
        <ProtocolCodeField
          label="Protocolo"
          value={code}
          error={problems.code ?? serverField('code')}
          onChange={setCode}
        />
        <DocumentField
          label="ou CPF/CNPJ do usuário"
          value={document}
          error={problems.document ?? serverField('document')}
          onChange={setDocument}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Consultar <Kbd keys="Enter" />
        </button>
      </form>
      <ErrorMessage error={error} />
      {results && <SearchResults protocols={results} />}
    </Layout>
  );
}
