import { useState, type FormEvent } from 'react';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { protocolCodeError, ProtocolCodeField } from '@web/components/protocol-code-field.tsx';
import { navigate } from '@web/router.tsx';
import { normalizeProtocolCode } from '@shared/protocol/protocol-code.ts';

/** "Estorno": find the finalised attendance by its protocol, then reverse it from its receipt. */
export function ReversalLookup() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const open = (event: FormEvent) => {
    event.preventDefault();
    const problem = protocolCodeError(code);
    setError(problem);
    if (!problem) {
      navigate(`/balcao/comprovante/${normalizeProtocolCode(code)}`);
    }
  };

  return (
    <Layout title="Estorno de atendimento">
      <form className="toolbar" onSubmit={open}>
        <ProtocolCodeField
          label="Protocolo STER do atendimento finalizado"
          required
          value={code}
          error={error ?? undefined}
          onChange={setCode}
        />
        <button type="submit" className="button button-primary">
          Abrir comprovante <Kbd keys="Enter" />
        </button>
      </form>
      <p className="muted">
        No comprovante, use <strong>Estorno</strong> (F8) e informe o motivo.
      </p>
    </Layout>
  );
}
