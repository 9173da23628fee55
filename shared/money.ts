/**
 * Money is always an integer number of centavos. Conversion happens only at the edges: parsing
 * what people or partners type, and formatting what they read.
 */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function multiplyCents(unit: Cents, quantity: number): Cents {
  const total = unit * quantity;
  if (!Number.isSafeInteger(total)) {
    throw new RangeError('amount out of range');
  }

  return total;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((total, value) => total + value, 0);
}

const BRL = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const DECIMAL = new Intl.NumberFormat('pt-BR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** "R$ 1.234,56" (with the narrow no-break space Intl uses). */
export function formatBRL(cents: Cents): string {
  return BRL.format(cents / 100);
}

/** "1.234,56", as Brazilian spreadsheets expect. */
export function formatDecimal(cents: Cents): string {
  return DECIMAL.format(cents / 100);
}

/**
 * Parses an amount as a person types it in Brazil ("1.234,56", "12,5", "R$ 10") into centavos,
 * or null when it is not an amount. Never goes through a float.
 */
export function parseBRL(input: string): Cents | null {
  const cleaned = input.replace(/R\$|\s|\u00a0/g, '');
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    return null;
  }

  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole.replace(/\./g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) {
    return null;
  }

  return sign === '-' ? -cents : cents;
}
