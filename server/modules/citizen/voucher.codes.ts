import { toSVG } from 'bwip-js/node';

/**
 * The protocol code as a Code128 barcode (the counter's scanner reads it) and as a QR code (a
 * phone's camera does), both as SVG so the page shows them crisply and the portal bundle stays
 * free of a barcode library.
 */
export function voucherCodes(code: string) {
  return {
    barcodeSvg: toSVG({ bcid: 'code128', text: code, scale: 2, height: 12, includetext: false }),
    qrSvg: toSVG({ bcid: 'qrcode', text: code, scale: 3 }),
  };
}
