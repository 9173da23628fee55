import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '@server/db/schema.ts';
import type { PageInput } from '@server/modules/backoffice/backoffice.common.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** `like` pattern for a typed filter: `%` and `_` match themselves. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `like` pattern for codes and staff numbers, which people type from the start. */
export function startingWith(text: string): string {
  return `${escapeLike(text)}%`;
}

/** Accent- and case-insensitive "contains" on a column, the catalogue's usual filter. */
export function matches(column: string, text: string) {
  return sql<boolean>`unaccent_ci(${sql.ref(column)}) like unaccent_ci(${containing(text)})`;
}

/** One page of a filtered list and how many rows the whole filter matches. */
export async function paginate<TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageInput,
): Promise<{ rows: O[]; total: number }> {
  const rows = await query.limit(page.limit).offset(page.offset).execute();
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();

  return { rows, total: Number((counted as { total: number }).total) };
}
