import { useEffect, useState } from 'react';

export type BarcodeProps = { value: string; label: string };

/**
 * The protocol code as a Code128 barcode, drawn by bwip-js as SVG. The encoder is loaded on
 * demand so the first screens do not pay for it.
 */
export function Barcode({ value, label }: BarcodeProps) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('@web/receipt/code128.ts')
      .then(({ code128Svg }) => live && setSvg(code128Svg(value)))
      .catch(() => live && setFailed(true));

    return () => {
      live = false;
    };
  }, [value]);

  if (failed) {
    return <p className="muted">Código de barras indisponível: use o número do protocolo.</p>;
  }

  return (
    <div
      className="barcode"
      role="img"
      aria-label={label}
      data-testid="receipt-barcode"
      // The SVG comes from bwip-js, built from a 14-digit code: no user markup reaches it.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
