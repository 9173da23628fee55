import { toBuffer } from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { ReceiptView } from '@server/modules/counter/counter.presenter.ts';
import { formatBRL } from '@shared/money.ts';

type Doc = PDFKit.PDFDocument;
type Barcode = { png: Buffer; widthPt: number; heightPt: number };

const POINTS_PER_MM = 72 / 25.4;
/** An 80 mm thermal roll; its printers leave about 4 mm unprinted on each side. */
export const PAGE_WIDTH = 80 * POINTS_PER_MM;
const MARGIN = 4 * POINTS_PER_MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Tall enough for any receipt: the first pass only measures where the content ends. */
const MEASURING_HEIGHT = 14_400;

/** Thermal heads print 203 dots per inch; a bar module of 4 dots scans reliably. */
const MODULE_PT = (4 / 203) * 72;
const BARCODE_SCALE = 3;
const BARCODE_HEIGHT_PT = 34;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const MONO = 'Courier';
const BODY_SIZE = 7.5;

function gap(doc: Doc, points: number) {
  doc.y += points;
}

function rule(doc: Doc) {
  gap(doc, 3);
  doc
    .save()
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .lineWidth(0.5)
    .dash(2, { space: 1.5 })
    .stroke()
    .restore();
  gap(doc, 4);
}

function centered(doc: Doc, text: string, font: string, size: number) {
  doc
    .font(font)
    .fontSize(size)
    .text(text, MARGIN, doc.y, { width: CONTENT_WIDTH, align: 'center' });
}

/** "Label: value" in a column, the label bold; wraps inside the column's width. */
function field(doc: Doc, x: number, y: number, width: number, label: string, value: string) {
  doc.fontSize(BODY_SIZE).font(BOLD).text(`${label}: `, x, y, { width, continued: true });
  doc.font(REGULAR).text(value);

  return doc.y;
}

function fieldRow(doc: Doc, ...fields: [label: string, value: string][]) {
  const width = CONTENT_WIDTH / fields.length;
  const top = doc.y;
  const bottoms = fields.map(([label, value], index) =>
    field(doc, MARGIN + index * width, top, width - 2, label, value),
  );
  doc.x = MARGIN;
  doc.y = Math.max(...bottoms);
}

/** A left text and a right-aligned amount on one line, as in a till's totals. */
function amountRow(doc: Doc, left: string, right: string, font: string, size: number) {
  const top = doc.y;
  const rightWidth = doc.font(font).fontSize(size).widthOfString(right) + 1;
  doc.text(right, MARGIN + CONTENT_WIDTH - rightWidth, top, { width: rightWidth, align: 'right' });
  const rightBottom = doc.y;
  doc.text(left, MARGIN, top, { width: CONTENT_WIDTH - rightWidth - 4 });
  doc.y = Math.max(doc.y, rightBottom);
}

function header(doc: Doc, receipt: ReceiptView) {
  centered(doc, receipt.title, BOLD, 10);
  if (receipt.agency) {
    gap(doc, 1);
    const agency = [receipt.agency.name, receipt.agency.code].filter(Boolean).join(' – ');
    centered(doc, agency, REGULAR, BODY_SIZE);
  }
  if (receipt.reversed) {
    gap(doc, 4);
    const top = doc.y;
    centered(doc, 'ESTORNADO', BOLD, 13);
    doc
      .save()
      .rect(MARGIN + CONTENT_WIDTH / 4, top - 3, CONTENT_WIDTH / 2, doc.y - top + 2)
      .lineWidth(1)
      .stroke()
      .restore();
    gap(doc, 2);
    centered(doc, 'Atendimento estornado: este comprovante não vale como pagamento.', ITALIC, 6.5);
  }
}

function parties(doc: Doc, receipt: ReceiptView) {
  const [date = receipt.finalisedAtLocal, time = ''] = receipt.finalisedAtLocal.split(', ');
  fieldRow(doc, ['Cliente', receipt.client.name]);
  fieldRow(doc, ['CNPJ', receipt.client.document]);
  if (receipt.citizenDocument) {
    fieldRow(doc, ['CPF/CNPJ do usuário', receipt.citizenDocument]);
  }
  fieldRow(doc, ['Contrato', receipt.contract.number], ['Cód. Adm.', receipt.contract.adminCode]);
  fieldRow(doc, ['Cartão', receipt.contract.postalCard], ['Modalidade', receipt.modalityLabel]);
  fieldRow(doc, ['Data', date], ['Hora', time]);
  fieldRow(doc, ['Caixa', receipt.till ?? '–'], ['Matrícula', receipt.attendant ?? '–']);
  fieldRow(
    doc,
    ['Lançamento', receipt.entryNumber ?? '–'],
    ['Atendimento', receipt.attendanceNumber ?? '–'],
  );
}

function items(doc: Doc, receipt: ReceiptView) {
  amountRow(doc, 'DESCRIÇÃO   QTD. x PREÇO UNIT.', 'TOTAL', BOLD, 6.5);
  gap(doc, 2);
  for (const line of receipt.lines) {
    doc
      .font(REGULAR)
      .fontSize(BODY_SIZE)
      .text(`${line.itemCode} ${line.description}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
    amountRow(
      doc,
      `    ${line.quantity} x ${formatBRL(line.unitCents)}`,
      formatBRL(line.totalCents),
      REGULAR,
      BODY_SIZE,
    );
    if (line.extrasCents > 0) {
      amountRow(doc, '    Adicionais', formatBRL(line.extrasCents), REGULAR, 6.5);
    }
    if (line.discountCents > 0) {
      amountRow(doc, '    Desconto', `– ${formatBRL(line.discountCents)}`, REGULAR, 6.5);
    }
    gap(doc, 1.5);
  }
}

function totals(doc: Doc, receipt: ReceiptView) {
  doc.font(BOLD).fontSize(8.5);
  doc.text(`Protocolo STER: ${receipt.protocolCode}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
  gap(doc, 2);
  amountRow(doc, 'TOTAL DO ATENDIMENTO', formatBRL(receipt.totalCents), BOLD, 9);
  if (receipt.ticketLines.length > 0) {
    gap(doc, 3);
    for (const line of receipt.ticketLines) {
      doc.font(REGULAR).fontSize(BODY_SIZE).text(line, MARGIN, doc.y, { width: CONTENT_WIDTH });
    }
  }
  if (receipt.invoicedStatement) {
    rule(doc);
    centered(doc, 'A FATURAR', BOLD, 8);
    gap(doc, 1);
    doc.font(ITALIC).fontSize(7);
    doc.text(receipt.invoicedStatement, MARGIN, doc.y, { width: CONTENT_WIDTH });
  }
}

function barcode(doc: Doc, receipt: ReceiptView, image: Barcode) {
  gap(doc, 6);
  const x = MARGIN + (CONTENT_WIDTH - image.widthPt) / 2;
  doc.image(image.png, x, doc.y, { width: image.widthPt, height: image.heightPt });
  doc.y += image.heightPt + 2;
  doc.font(MONO).fontSize(9);
  doc.text(receipt.protocolCode, MARGIN, doc.y, {
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 0.6,
  });
}

function layout(doc: Doc, receipt: ReceiptView, image: Barcode): number {
  doc.x = MARGIN;
  doc.y = MARGIN;
  header(doc, receipt);
  rule(doc);
  parties(doc, receipt);
  rule(doc);
  items(doc, receipt);
  rule(doc);
  totals(doc, receipt);
  barcode(doc, receipt, image);

  return doc.y;
}

async function code128(code: string): Promise<Barcode> {
  const png = await toBuffer({ bcid: 'code128', text: code, scale: BARCODE_SCALE });
  // A PNG's width sits big-endian at byte 16 of its IHDR chunk.
  const modules = png.readUInt32BE(16) / BARCODE_SCALE;

  return {
    png,
    widthPt: Math.min(CONTENT_WIDTH, modules * MODULE_PT),
    heightPt: BARCODE_HEIGHT_PT,
  };
}

function newDocument(receipt: ReceiptView, height: number): Doc {
  return new PDFDocument({
    size: [PAGE_WIDTH, height],
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: `${receipt.title} – protocolo ${receipt.protocolCode}`,
      Author: 'STER – Sistema de Serviços de Terceiros',
      CreationDate: new Date(receipt.finalisedAt),
    },
  });
}

/** The finished document's bytes. */
export function collectPdf(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Renders the "COMPROVANTE DO CLIENTE" of a finalised (or reversed: marked "ESTORNADO") protocol
 * for an 80 mm thermal roll: one page 80 mm wide, as tall as its content, with the protocol code
 * as a Code128 barcode and in digits under it. Laid out twice: once on a tall page to measure,
 * then on a page cut to fit. Text is Helvetica/Courier in WinAnsi, which covers Portuguese
 * accents and the en dash (but nothing beyond: no emoji, no U+2212 minus).
 */
export async function renderReceiptPdf(receipt: ReceiptView): Promise<Buffer> {
  const image = await code128(receipt.protocolCode);

  const measuring = newDocument(receipt, MEASURING_HEIGHT);
  const height = Math.ceil(layout(measuring, receipt, image) + MARGIN + 1);
  measuring.end();

  const doc = newDocument(receipt, height);
  layout(doc, receipt, image);

  return collectPdf(doc);
}
