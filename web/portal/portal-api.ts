import { api, ApiError, type RequestOptions } from '@web/api/client.ts';
import type { Client, Protocol, Service, ServiceForm } from '@web/api/types.ts';
import type { FormData } from '@shared/forms/form-definition.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';

/** The portal's two ways to start a service: at home then at a counter, or wholly online. */
export type Flow = 'preAttendance' | 'virtual';

/** The signed-in citizen: their own CPF (for their forms) and its masked form (for display). */
export type Citizen = { cpf: string; document: string; name: string | null };

export type Proof = { code: string; document: string };

export type CitizenProtocol = {
  code: string;
  status: ProtocolStatus;
  statusLabel: string;
  attendanceType: string;
  attendanceTypeLabel: string;
  client: { name: string };
  service: { code: string; name: string };
  agency: { code: string; name: string } | null;
  totalCents: number | null;
  expiresAt: string | null;
  createdAt: string;
};

export type ProtocolStatusView = CitizenProtocol & {
  dates: { status: ProtocolStatus; label: string; at: string }[];
};

export type Voucher = {
  code: string;
  formattedCode: string;
  status: ProtocolStatus;
  client: { name: string };
  service: { code: string; name: string };
  requiredDocuments: { id: string; label: string }[];
  expiresAt: string | null;
  expiresAtLocal: string;
  notice: string;
  barcodeSvg: string;
  qrSvg: string;
};

export type Submission = {
  serviceId: string;
  citizen: { document: string; name?: string };
  formData: FormData;
};

const catalogue = (flow: Flow) =>
  flow === 'virtual' ? '/api/v1/public/virtual' : '/api/v1/public';

const VOUCHER_PDF = '/api/v1/public/pre-attendances/voucher.pdf';

/** Every call the portal makes; none of the staff app's. */
export const portalApi = {
  clients: (flow: Flow) => api.get<{ clients: Client[] }>(`${catalogue(flow)}/clients`),
  services: (flow: Flow, clientId: string) =>
    api.get<{ services: Service[] }>(
      `${catalogue(flow)}/clients/${encodeURIComponent(clientId)}/services`,
    ),
  form: (flow: Flow, serviceId: string) =>
    api.get<{ form: ServiceForm }>(
      `${catalogue(flow)}/services/${encodeURIComponent(serviceId)}/form`,
    ),

  submit: (flow: Flow, body: Submission, options: RequestOptions) =>
    api.post<{ protocol: Protocol }>(
      flow === 'virtual' ? '/api/v1/attendances/virtual' : '/api/v1/public/pre-attendances',
      body,
      options,
    ),

  status: (proof: Proof) =>
    api.post<{ protocol: ProtocolStatusView }>('/api/v1/public/protocols/status', proof),
  voucher: (proof: Proof) =>
    api.post<{ voucher: Voucher }>('/api/v1/public/pre-attendances/voucher', proof),

  session: () => api.get<{ citizen: Citizen }>('/api/v1/citizen/session'),
  beginSignIn: (returnTo: string) =>
    api.post<{ url: string }>('/api/v1/citizen/auth/sign-ins', { returnTo }),
  finishSignIn: (query: string) =>
    api.post<{ citizen: Citizen; returnTo: string }>('/api/v1/citizen/auth/callback', { query }),
  signOut: () => api.delete<null>('/api/v1/citizen/session'),
  myProtocols: () => api.get<{ protocols: CitizenProtocol[] }>('/api/v1/citizen/protocols'),
};

export const receiptPdfUrl = (code: string) =>
  `/api/v1/citizen/protocols/${encodeURIComponent(code)}/receipt.pdf`;
export const EXPORT_URL = '/api/v1/citizen/export';

/** The voucher as a PDF file the browser saves; a refusal arrives as the usual ApiError. */
export async function downloadVoucherPdf(proof: Proof): Promise<void> {
  const response = await fetch(VOUCHER_PDF, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ster-csrf': '1' },
    credentials: 'same-origin',
    body: JSON.stringify(proof),
  }).catch(() => null);
  if (!response?.ok) {
    throw new ApiError(
      response?.status ?? 0,
      'NETWORK',
      'Não foi possível baixar o PDF. Tente de novo.',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `pre-atendimento-${proof.code}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
