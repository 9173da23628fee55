import { multiplyCents, sumCents, type Cents } from '@shared/money.ts';

/** One line of the counter's sale grid, captured on the protocol when it is priced. */
export type SaleLine = {
  lineNumber: number;
  kind: 'service' | 'associated';
  itemCode: string;
  description: string;
  quantity: number;
  unitCents: Cents;
  extrasCents: Cents;
  discountCents: Cents;
  totalCents: Cents;
  tariffId: string | null;
};

export type PricingInput = {
  service: { code: string; name: string };
  /** The unit price and, when it came from a tariff, which one. */
  unit: { amountCents: Cents; tariffId: string | null };
  quantity: number;
  /** Associated items rung up with the service; empty when the contract does not allow them. */
  associatedItems: readonly {
    code: string;
    description: string;
    unitAmountCents: Cents;
    quantity: number;
  }[];
};

/**
 * Prices an attendance: the service line at the unit price times the quantity, then each
 * associated item. The result is frozen on the protocol; later tariff changes never touch it.
 */
export function priceAttendance(input: PricingInput): { lines: SaleLine[]; totalCents: Cents } {
  const main: SaleLine = {
    lineNumber: 1,
    kind: 'service',
    itemCode: input.service.code,
    description: input.service.name,
    quantity: input.quantity,
    unitCents: input.unit.amountCents,
    extrasCents: 0,
    discountCents: 0,
    totalCents: multiplyCents(input.unit.amountCents, input.quantity),
    tariffId: input.unit.tariffId,
  };
  const associated = input.associatedItems.map((item, index): SaleLine => ({
    lineNumber: index + 2,
    kind: 'associated',
    itemCode: item.code,
    description: item.description,
    quantity: item.quantity,
    unitCents: item.unitAmountCents,
    extrasCents: 0,
    discountCents: 0,
    totalCents: multiplyCents(item.unitAmountCents, item.quantity),
    tariffId: null,
  }));
  const lines = [main, ...associated];

  return { lines, totalCents: sumCents(lines.map((line) => line.totalCents)) };
}
