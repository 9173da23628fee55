import { formatDateTime } from '@shared/time.ts';
import type { PartnerChange } from '@web/backoffice-partners/partners-api.ts';

const ENTITY_LABELS: Record<PartnerChange['entity'], string> = {
  partner: 'Parceiro',
  partnerCredential: 'Token',
  partnerServiceHook: 'Serviço',
};

/** What changed between two snapshots, as "field: before → after". */
export function describeChange(change: PartnerChange): string {
  if (change.before === null) {
    return change.entity === 'partnerCredential' ? 'Emitido' : 'Criado';
  }
  if (change.entity === 'partnerCredential' && change.after?.revokedAt) {
    return 'Revogado';
  }
  const before = change.before;
  const after = change.after ?? {};
  const differences = Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${String(before[key] ?? '—')} → ${String(after[key] ?? '—')}`);

  return differences.join('; ') || 'Sem diferença';
}

export type ChangesListProps = { changes: PartnerChange[] };

/** The partner's audit trail: who changed what and when; tokens and secrets never appear. */
export function ChangesList({ changes }: ChangesListProps) {
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title" className="section-title">
        Auditoria
      </h2>
      {changes.length === 0 ? (
        <p className="empty">Nenhuma alteração registrada.</p>
      ) : (
        <table className="grid grid-compact">
          <caption className="visually-hidden">Alterações do parceiro</caption>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Quem</th>
              <th scope="col">O quê</th>
              <th scope="col">Alteração</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id}>
                <td>{formatDateTime(change.occurredAt)}</td>
                <td>{change.actorLabel}</td>
                <td>{ENTITY_LABELS[change.entity]}</td>
                <td>{describeChange(change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
