import { sql, type Kysely } from 'kysely';

/**
 * How a user wants amounts shown (docs/product/cost-model.md § Display rounding): excluding or
 * including VAT, and display-rounded or exact. Kept with the user rather than in one browser, so
 * the choice follows the person to every device. Rounding is on unless the person turns it off,
 * for existing users too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column display_vat text not null default 'excl' check (display_vat in ('excl', 'incl')),
      add column display_rounded boolean not null default true;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column display_vat, drop column display_rounded`.execute(db);
}
