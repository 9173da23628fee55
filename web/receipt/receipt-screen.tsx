import { useRef, useState } from 'react';
import { receiptPdfUrl, sterApi } from '@web/api/endpoints.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { ReceiptTicket } from '@web/receipt/receipt-ticket.tsx';
import { ReverseDialog } from '@web/receipt/reverse-dialog.tsx';
import { navigate } from '@web/router.tsx';

export type ReceiptScreenProps = { code: string };

/** The receipt after finalising: print it on the thermal roll, download the PDF, or reverse. */
export function ReceiptScreen({ code }: ReceiptScreenProps) {
  const receipt = useLoad(() => sterApi.receipt(code), [code]);
  const [reversing, setReversing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const data = receipt.data;
  const canReverse = data?.protocol.status === 'finalised';

  const print = () => window.print();
  const next = () => navigate('/ster/atendimento');
  useShortcuts(
    {
      'Ctrl+P': print,
      F8: () => canReverse && setReversing(true),
      F2: next,
      Escape: () => navigate('/balcao/protocolos'),
    },
    !reversing,
  );

  return (
    <Layout title="Comprovante do cliente">
      <ErrorMessage error={receipt.error} onRetry={receipt.reload} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {!data && !receipt.error && <p role="status">Carregando comprovante…</p>}
      {data && (
        <div className="receipt-layout">
          <ReceiptTicket receipt={data.receipt} />
          <div className="receipt-actions no-print">
            <p className="alert alert-success" role="status">
              Protocolo <span className="mono">{code}</span>: {data.protocol.statusLabel}.
            </p>
            <button
              ref={printButton}
              type="button"
              className="button button-primary"
              autoFocus
              onClick={print}
            >
              Imprimir comprovante <Kbd keys="Ctrl+P" />
            </button>
            <a className="button" href={receiptPdfUrl(code)} download={`comprovante-${code}.pdf`}>
              Baixar PDF
            </a>
            <button type="button" className="button" onClick={next}>
              Novo atendimento <Kbd keys="F2" />
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={!canReverse}
              onClick={() => setReversing(true)}
            >
              Estorno <Kbd keys="F8" />
            </button>
          </div>
        </div>
      )}
      <ReverseDialog
        code={code}
        open={reversing}
        onClose={() => {
          setReversing(false);
          printButton.current?.focus();
        }}
        onReversed={() => {
          setReversing(false);
          setNotice('Atendimento estornado com sucesso.');
          receipt.reload();
        }}
      />
    </Layout>
  );
}
