import { code128, drawingSVG } from 'bwip-js/browser';

/** An SVG Code128 of `text`, sized for an 80 mm thermal roll. */
export function code128Svg(text: string): string {
  return code128({ bcid: 'code128', text, scale: 2, height: 12, includetext: false }, drawingSVG());
}
