import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { sterApi } from '@web/api/endpoints.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { Layout } from '@web/components/layout.tsx';
import { moveFocusWithArrows } from '@web/components/list-navigation.ts';
import { useLoad } from '@web/components/use-load.ts';
import { navigate } from '@web/router.tsx';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** STER "Atendimento": the clients with services at this agency, narrowed by a filter. */
export function ClientList() {
  const clients = useLoad(() => sterApi.clients(), []);
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const shown = (clients.data?.clients ?? []).filter(
    (client) =>
      fold(client.name).includes(fold(filter)) || fold(client.code).includes(fold(filter)),
  );
  const open = (id: string) => navigate(`/ster/atendimento/${id}`);
  // An attendant who types and presses Enter before the list arrives still gets the first match.
  const [enterPending, setEnterPending] = useState(false);
  const firstShown = shown[0]?.id;
  useEffect(() => {
    if (!enterPending || clients.loading) {
      return;
    }
    setEnterPending(false);
    if (firstShown) {
      open(firstShown);
    }
  }, [enterPending, clients.loading, firstShown]);

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      setEnterPending(true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector('button')?.focus();
    }
  };

  return (
    <Layout title="Atendimento – escolha o cliente" system="STER">
      <div className="toolbar" role="search">
        <Field
          label="Filtrar clientes"
          help="Digite parte do nome e tecle Enter para abrir o primeiro; setas para escolher."
        >
          {(props) => (
            <input
              {...props}
              autoFocus
              autoComplete="off"
              value={filter}
              onKeyDown={onFilterKey}
              onChange={(event) => setFilter(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorMessage error={clients.error} onRetry={clients.reload} />
      {clients.loading && <p role="status">Carregando clientes…</p>}
      <ul className="pick-list" ref={list} onKeyDown={moveFocusWithArrows} aria-label="Clientes">
        {shown.map((client) => (
          <li key={client.id}>
            <button type="button" className="pick" onClick={() => open(client.id)}>
              <span className="pick-title">{client.name}</span>
              <span className="pick-sub">
                {client.code} · {client.serviceCount} serviço(s)
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!clients.loading && shown.length === 0 && (
        <p className="empty" role="status">
          Nenhum cliente com este nome nesta agência.
        </p>
      )}
    </Layout>
  );
}
