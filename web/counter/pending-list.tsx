import { useState, type FormEvent } from 'react';
import { sterApi } from '@web/api/endpoints.ts';
import type { Protocol } from '@web/api/types.ts';
import { useSession } from '@web/auth/session.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { CancelDialog } from '@web/counter/cancel-dialog.tsx';
import { PendingTable } from '@web/counter/pending-table.tsx';
import { navigate } from '@web/router.tsx';

/** Whose pending protocols are listed: mine, another attendant's, or a citizen's. */
type Owner = { kind: 'mine' } | { kind: 'registration' | 'document'; value: string };

function ownerOf(input: string): Owner {
  const digits = input.replace(/[^0-9A-Za-z]/g, '');
  if (digits === '') {
    return { kind: 'mine' };
  }

  return digits.length === 8
    ? { kind: 'registration', value: digits }
    : { kind: 'document', value: input };
}

function describe(owner: Owner, me: string): string {
  switch (owner.kind) {
    case 'mine':
      return `Protocolos pendentes da matrícula ${me}`;
    case 'registration':
      return `Protocolos pendentes da matrícula ${owner.value}`;
    case 'document':
      return 'Protocolos pendentes do CPF/CNPJ informado';
  }
}

/** "Protocolos STER": the pending list, with generate attendance and cancel protocol. */
export function PendingList() {
  const { staff } = useSession();
  const [filter, setFilter] = useState('');
  const [owner, setOwner] = useState<Owner>({ kind: 'mine' });
  const [selected, setSelected] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Protocol | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useLoad(
    () =>
      owner.kind === 'document'
        ? sterApi.pendingByDocument(owner.value)
        : sterApi.pending(owner.kind === 'registration' ? owner.value : undefined),
    [owner],
  );
  const protocols = list.data?.protocols ?? [];
  const current = protocols.find((p) => p.code === selected) ?? protocols[0] ?? null;

  const generate = () => current && navigate(`/balcao/venda/${current.code}`);
  const cancel = () => {
    setNotice(null);
    setCancelling(current);
  };
  useShortcuts({ F2: generate, F4: cancel }, cancelling === null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setSelected(null);
    setOwner(ownerOf(filter));
  };

  return (
    <Layout title="Protocolos STER">
      <form className="toolbar" onSubmit={search} role="search">
        <Field label="Matrícula de outro atendente ou CPF/CNPJ do usuário">
          {(props) => (
            <input
              {...props}
              value={filter}
              placeholder="vazio: meus protocolos"
              onChange={(event) => setFilter(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          Consultar <Kbd keys="Enter" />
        </button>
      </form>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      <h2 className="section-title">{describe(owner, staff.registration)}</h2>
      <PendingTable
        protocols={protocols}
        loading={list.loading}
        selected={current?.code ?? null}
        onSelect={setSelected}
        onOpen={(code) => navigate(`/balcao/venda/${code}`)}
      />
      <div className="actions actions-bar">
        <button
          type="button"
          className="button button-primary"
          disabled={!current}
          onClick={generate}
        >
          Gerar atendimento <Kbd keys="F2" />
        </button>
        <button type="button" className="button button-danger" disabled={!current} onClick={cancel}>
          Cancelar protocolo <Kbd keys="F4" />
        </button>
      </div>
      <CancelDialog
        key={cancelling?.code ?? 'none'}
        protocol={cancelling}
        onClose={() => setCancelling(null)}
        onCancelled={() => {
          setCancelling(null);
          setNotice('Protocolo cancelado com sucesso.');
          list.reload();
        }}
      />
    </Layout>
  );
}
