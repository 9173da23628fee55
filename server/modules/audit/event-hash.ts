import { createHash } from 'node:crypto';
import { canonicalJson } from '@server/canonical-json.ts';

/** The fields of a protocol event that its hash covers: everything but the hash itself. */
export type HashedEventFields = {
  protocolId: string;
  sequence: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  agencyId: string | null;
  terminal: string | null;
  reason: string | null;
  note: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
  prevHash: string;
};

/**
 * The chain starts from a hash of the protocol's identity, so an event cannot be moved to
 * another protocol's history without breaking both chains.
 */
export function genesisHash(protocolId: string, code: string): string {
  return createHash('sha256').update(`ster-protocol:${protocolId}:${code}`).digest('hex');
}

export function eventHash(fields: HashedEventFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
