import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`reading_suggested\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_reading_suggested\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`reading_suggested\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_reading_suggested\`;`)
}
