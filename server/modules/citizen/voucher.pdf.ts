import { toBuffer } from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { Voucher } from '@server/modules/citizen/citizen.service.ts';
import { collectPdf } from '@server/modules/receipt/receipt.pdf.ts';

const MARGIN = 56;
const A5: [number, number] = [420, 595];
const WIDTH = A5[0] - 2 * MARGIN;

/**
 * The pre-attendance voucher on an A5 page: the code in digits, as a Code128 barcode and as a QR
 * code, the service, the documents to bring, the expiry date, and that any own or franchised
 * agency serves it. Helvetica in WinAnsi covers Portuguese.
 */
export async function renderVoucherPdf(voucher: Voucher): Promise<Buffer> {
  const [barcode, qr] = await Promise.all([
    toBuffer({ bcid: 'code128', text: voucher.code, scale: 3, height: 12 }),
    toBuffer({ bcid: 'qrcode', text: voucher.code, scale: 4 }),
  ]);
  const doc = new PDFDocument({
    size: A5,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: `Pré-atendimento ${voucher.formattedCode}`,
      Author: 'STER – Sistema de Serviços de Terceiros',
    },
  });

  doc.font('Helvetica-Bold').fontSize(14).text('Comprovante de pré-atendimento', { width: WIDTH });
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10).text(`${voucher.client.name} – ${voucher.service.name}`);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(11).text('Protocolo');
  doc.font('Courier-Bold').fontSize(18).text(voucher.formattedCode);
  doc.moveDown(0.4);
  const top = doc.y;
  doc.image(barcode, MARGIN, top, { width: WIDTH - 110, height: 50 });
  doc.image(qr, MARGIN + WIDTH - 96, top - 10, { width: 96, height: 96 });
  doc.y = top + 100;

  doc.font('Helvetica-Bold').fontSize(10).text('Válido até', MARGIN, doc.y);
  doc.font('Helvetica').text(voucher.expiresAtLocal);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').text('Documentos para levar');
  doc.font('Helvetica');
  const documents = voucher.requiredDocuments.length
    ? voucher.requiredDocuments.map((document) => `•  ${document.label}`)
    : ['Nenhum documento além deste comprovante.'];
  for (const line of documents) {
    doc.text(line, { width: WIDTH });
  }
  doc.moveDown(0.8);
  doc.font('Helvetica-Oblique').fontSize(9).text(voucher.notice, { width: WIDTH });

  return collectPdf(doc);
}
