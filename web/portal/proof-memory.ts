/**
 * The CPF a citizen typed for a protocol, kept in this tab's memory only, so the voucher right
 * after submitting needs no retyping; after a reload the page asks for it again.
 */
const proofs = new Map<string, string>();

export function rememberProof(code: string, document: string) {
  proofs.set(code, document);
}

export function recallProof(code: string): string | undefined {
  return proofs.get(code);
}
