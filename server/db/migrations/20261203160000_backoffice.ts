import { sql, type Kysely } from 'kysely';

/**
 * Back-office catalogue management (issue #2): the database itself keeps what protocols rely on.
 * A published form version never changes or disappears (protocols point at it), and a tariff
 * that protocols used keeps its amount, contract, service and start date (a new price is a new
 * tariff). Both raise 55000, like the append-only tables. The indexes make "is this tariff in
 * use?" cheap.
 */
const statements = [
  `create index protocols_tariff_idx on protocols (tariff_id) where tariff_id is not null`,
  `create index protocol_lines_tariff_idx on protocol_lines (tariff_id)
    where tariff_id is not null`,
  `create function forbid_used_tariff_change() returns trigger language plpgsql as $$
    begin
      if (new.amount_cents, new.contract_id, new.service_id, new.valid_from)
          is distinct from (old.amount_cents, old.contract_id, old.service_id, old.valid_from)
        and (exists (select 1 from protocols p where p.tariff_id = old.id)
          or exists (select 1 from protocol_lines l where l.tariff_id = old.id)) then
        raise exception 'tariff % is used by protocols and cannot change', old.id
          using errcode = '55000';
      end if;
      return new;
    end
  $$`,
  `create trigger tariffs_frozen_once_used before update on tariffs
    for each row execute function forbid_used_tariff_change()`,
  `create function forbid_published_form_change() returns trigger language plpgsql as $$
    begin
      if old.status = 'published' then
        raise exception 'published form version % is immutable', old.id using errcode = '55000';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end
  $$`,
  `create trigger form_definitions_published_frozen before update or delete on form_definitions
    for each row execute function forbid_published_form_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
