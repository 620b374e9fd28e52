import type { Knex } from 'knex';

/**
 * `articles.published_at` was stored as given (`2026-01-01T23:00-05:00`), so "newest first"
 * compared strings written with different offsets. It is now stored in UTC
 * (`2026-01-02T04:00:00Z`; a calendar date stays as it is: src/lib/dates.ts); rows written
 * before are converted here, with the same rule, in id order a batch at a time.
 */
function inUtc(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().replace('.000Z', 'Z');
}

export async function up(knex: Knex): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: { id: number; published_at: string }[] = await knex('articles')
      .where('id', '>', after)
      .where('published_at', 'like', '%T%')
      .orderBy('id')
      .limit(500)
      .select('id', 'published_at');
    if (rows.length === 0) return;
    for (const row of rows) {
      const utc = inUtc(row.published_at);
      if (utc !== row.published_at) await knex('articles').where({ id: row.id }).update({ published_at: utc });
    }
    after = Number(rows[rows.length - 1].id);
  }
}

export async function down(): Promise<void> {
  // The offsets the dates were given with are not kept; UTC says the same instant.
}
