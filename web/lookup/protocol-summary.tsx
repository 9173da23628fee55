import type { Protocol } from '@web/api/types.ts';
import { MODALITY_LABELS } from '@web/lookup/labels.ts';
import { formatBRL } from '@shared/money.ts';
import { formatDateTime } from '@shared/time.ts';

export type ProtocolSummaryProps = { protocol: Protocol };

export function ProtocolSummary({ protocol }: ProtocolSummaryProps) {
  const facts: [string, string][] = [
    ['Situação', protocol.statusLabel],
    ['Tipo', protocol.attendanceTypeLabel],
    ['Cliente', protocol.client.name],
    ['Serviço', `${protocol.service.code} – ${protocol.service.name}`],
    ['Contrato', protocol.contract.number],
    ['Modalidade', MODALITY_LABELS[protocol.modality]],
    ['CPF/CNPJ', protocol.citizen.document],
    ['Usuário', protocol.citizen.name ?? '—'],
    ['Agência', protocol.agency?.name ?? '—'],
    ['Valor', protocol.totalCents === null ? '—' : formatBRL(protocol.totalCents)],
    ['Criado em', formatDateTime(protocol.createdAt)],
  ];
  if (protocol.status === 'preAttendance' && protocol.expiresAt) {
    facts.push(['Expira em', formatDateTime(protocol.expiresAt)]);
  }

  return (
    <dl className="facts" data-testid="protocol-summary">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
