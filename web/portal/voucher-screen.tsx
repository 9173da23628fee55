import { useEffect, useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { toApiError } from '@web/components/use-load.ts';
import { downloadVoucherPdf, portalApi, type Proof, type Voucher } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { ProofForm } from '@web/portal/proof-form.tsx';
import { recallProof } from '@web/portal/proof-memory.ts';

const svgImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function VoucherCard({ voucher, proof }: { voucher: Voucher; proof: Proof }) {
  const [error, setError] = useState<ApiError | null>(null);
  const download = () => {
    setError(null);
    downloadVoucherPdf(proof).catch((failure: unknown) => setError(toApiError(failure)));
  };

  return (
    <section className="voucher" aria-labelledby="voucher-title" data-testid="voucher">
      <h2 id="voucher-title">Comprovante de pré-atendimento</h2>
      <p>
        {voucher.client.name} – {voucher.service.name}
      </p>
      <p className="voucher-code">
        Protocolo{' '}
        <strong className="mono" data-testid="voucher-code">
          {voucher.formattedCode}
        </strong>
      </p>
      <div className="voucher-codes">
        <img
          src={svgImage(voucher.barcodeSvg)}
          alt={`Código de barras do protocolo ${voucher.code}`}
          className="voucher-barcode"
        />
        <img
          src={svgImage(voucher.qrSvg)}
          alt={`QR code do protocolo ${voucher.code}`}
          className="voucher-qr"
        />
      </div>
      <dl className="facts">
        <dt>Válido até</dt>
        <dd data-testid="voucher-expiry">{voucher.expiresAtLocal}</dd>
      </dl>
      <h3>Documentos para levar</h3>
      {voucher.requiredDocuments.length > 0 ? (
        <ul data-testid="voucher-documents">
          {voucher.requiredDocuments.map((document) => (
            <li key={document.id}>{document.label}</li>
          ))}
        </ul>
      ) : (
        <p>Nenhum documento além deste comprovante.</p>
      )}
      <p className="voucher-notice">{voucher.notice}</p>
      <div className="actions no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Imprimir
        </button>
        <button type="button" className="button" onClick={download}>
          Baixar PDF
        </button>
      </div>
      <PortalError error={error} />
    </section>
  );
}

/** The voucher: right after submitting, or later with the code and the CPF. */
export function VoucherScreen({ code }: { code: string }) {
  const remembered = recallProof(code);
  const [proof, setProof] = useState<Proof | null>(
    remembered ? { code, document: remembered } : null,
  );
  const [voucher, setVoucher] = useState<Voucher | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!proof) {
      return;
    }
    setError(null);
    portalApi
      .voucher(proof)
      .then((answer) => setVoucher(answer.voucher))
      .catch((failure: unknown) => setError(toApiError(failure)));
  }, [proof]);

  return (
    <PortalLayout title="Pré-atendimento registrado">
      {!voucher && (
        <>
          {!remembered && <p>Informe o seu CPF para ver o comprovante.</p>}
          {(!remembered || error) && (
            <ProofForm
              initialCode={code}
              submitLabel="Ver comprovante"
              busy={false}
              onSubmit={setProof}
            />
          )}
        </>
      )}
      <PortalError error={error} />
      {voucher && proof && <VoucherCard voucher={voucher} proof={proof} />}
    </PortalLayout>
  );
}
