import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`never_auto_link\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_never_auto_link\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`case_studies\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`playbooks\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`never_auto_link\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_never_auto_link\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`case_studies\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`playbooks\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
}
