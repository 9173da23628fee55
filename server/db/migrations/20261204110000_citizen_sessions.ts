import { sql, type Kysely } from 'kysely';

/**
 * Citizens signed in with IdCorreios (OpenID Connect). Both the sign-in in progress (state,
 * nonce and PKCE verifier between the redirect and the callback) and the session afterwards live
 * here, not in process memory, so any server may answer the callback or the next request.
 */
const statements = [
  `create table citizen_sign_ins (
    id uuid primary key default gen_random_uuid(),
    handle_hash text not null unique,
    state text not null,
    nonce text not null,
    code_verifier_sealed text not null,
    return_to text not null check (length(return_to) <= 200),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    consumed_at timestamptz
  )`,
  `create index citizen_sign_ins_expires_idx on citizen_sign_ins (expires_at)`,
  `create table citizen_sessions (
    id uuid primary key default gen_random_uuid(),
    token_hash text not null unique,
    subject text not null check (length(subject) <= 255),
    document_hash text not null,
    citizen_sealed text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index citizen_sessions_document_idx on citizen_sessions (document_hash)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
