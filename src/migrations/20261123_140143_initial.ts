import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`glossary_terms_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`glossary_terms_sources_order_idx\` ON \`glossary_terms_sources\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`glossary_terms_sources_parent_id_idx\` ON \`glossary_terms_sources\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`glossary_terms\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`english_name\` text,
  	\`reading\` text,
  	\`glossary_id\` text(36),
  	\`broader_id\` text(36),
  	\`excerpt\` integer DEFAULT false,
  	\`seed_fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`glossary_id\`) REFERENCES \`glossaries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`broader_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`glossary_terms_slug_idx\` ON \`glossary_terms\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_glossary_idx\` ON \`glossary_terms\` (\`glossary_id\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_broader_idx\` ON \`glossary_terms\` (\`broader_id\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_excerpt_idx\` ON \`glossary_terms\` (\`excerpt\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_updated_at_idx\` ON \`glossary_terms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_created_at_idx\` ON \`glossary_terms\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms__status_idx\` ON \`glossary_terms\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`glossary_terms_locales\` (
  	\`term\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`glossary_terms_locales_locale_parent_id_unique\` ON \`glossary_terms_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`glossary_terms_locales_parent_lookup_idx\` ON \`glossary_terms_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`glossary_terms_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`glossary_terms_texts_order_parent\` ON \`glossary_terms_texts\` (\`order\`,\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`glossary_terms_texts_parent_lookup_idx\` ON \`glossary_terms_texts\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`glossary_terms_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`tags_id\` text(36),
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`glossary_terms_rels_order_idx\` ON \`glossary_terms_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_rels_parent_idx\` ON \`glossary_terms_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_rels_path_idx\` ON \`glossary_terms_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`glossary_terms_rels_tags_id_idx\` ON \`glossary_terms_rels\` (\`tags_id\`);`)
  await db.run(
    sql`CREATE INDEX \`glossary_terms_rels_glossary_terms_id_idx\` ON \`glossary_terms_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_glossary_terms_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_glossary_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_sources_order_idx\` ON \`_glossary_terms_v_version_sources\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_sources_parent_id_idx\` ON \`_glossary_terms_v_version_sources\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_glossary_terms_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_slug\` text,
  	\`version_english_name\` text,
  	\`version_reading\` text,
  	\`version_glossary_id\` text(36),
  	\`version_broader_id\` text(36),
  	\`version_excerpt\` integer DEFAULT false,
  	\`version_seed_fingerprint\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_glossary_id\`) REFERENCES \`glossaries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_broader_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_parent_idx\` ON \`_glossary_terms_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_slug_idx\` ON \`_glossary_terms_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_glossary_idx\` ON \`_glossary_terms_v\` (\`version_glossary_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_broader_idx\` ON \`_glossary_terms_v\` (\`version_broader_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_excerpt_idx\` ON \`_glossary_terms_v\` (\`version_excerpt\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_updated_at_idx\` ON \`_glossary_terms_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version_created_at_idx\` ON \`_glossary_terms_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_version_version__status_idx\` ON \`_glossary_terms_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_created_at_idx\` ON \`_glossary_terms_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_updated_at_idx\` ON \`_glossary_terms_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_snapshot_idx\` ON \`_glossary_terms_v\` (\`snapshot\`);`)
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_published_locale_idx\` ON \`_glossary_terms_v\` (\`published_locale\`);`,
  )
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_latest_idx\` ON \`_glossary_terms_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_glossary_terms_v_locales\` (
  	\`version_term\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_glossary_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`_glossary_terms_v_locales_locale_parent_id_unique\` ON \`_glossary_terms_v_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_locales_parent_lookup_idx\` ON \`_glossary_terms_v_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_glossary_terms_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_glossary_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_texts_order_parent\` ON \`_glossary_terms_v_texts\` (\`order\`,\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_texts_parent_lookup_idx\` ON \`_glossary_terms_v_texts\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_glossary_terms_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`tags_id\` text(36),
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_glossary_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_rels_order_idx\` ON \`_glossary_terms_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_rels_parent_idx\` ON \`_glossary_terms_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_rels_path_idx\` ON \`_glossary_terms_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_glossary_terms_v_rels_tags_id_idx\` ON \`_glossary_terms_v_rels\` (\`tags_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_glossary_terms_v_rels_glossary_terms_id_idx\` ON \`_glossary_terms_v_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`glossaries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`seed_fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`glossaries_slug_idx\` ON \`glossaries\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`glossaries_updated_at_idx\` ON \`glossaries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`glossaries_created_at_idx\` ON \`glossaries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`glossaries_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`glossaries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`glossaries_locales_locale_parent_id_unique\` ON \`glossaries_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`glossaries_locales_parent_lookup_idx\` ON \`glossaries_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tags\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`seed_fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`tags_slug_idx\` ON \`tags\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tags_updated_at_idx\` ON \`tags\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tags_created_at_idx\` ON \`tags\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_channels_order_idx\` ON \`case_studies_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_channels_parent_idx\` ON \`case_studies_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_tactics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_tactics_order_idx\` ON \`case_studies_tactics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_tactics_parent_id_idx\` ON \`case_studies_tactics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_tactics_locale_idx\` ON \`case_studies_tactics\` (\`_locale\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_outcomes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_outcomes_order_idx\` ON \`case_studies_outcomes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_outcomes_parent_id_idx\` ON \`case_studies_outcomes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_outcomes_locale_idx\` ON \`case_studies_outcomes\` (\`_locale\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_playbook_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`playbook_id\` text(36),
  	\`step_key\` text,
  	FOREIGN KEY (\`playbook_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`case_studies_playbook_steps_order_idx\` ON \`case_studies_playbook_steps\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`case_studies_playbook_steps_parent_id_idx\` ON \`case_studies_playbook_steps\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`case_studies_playbook_steps_playbook_idx\` ON \`case_studies_playbook_steps\` (\`playbook_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`case_studies_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_sources_order_idx\` ON \`case_studies_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_sources_parent_id_idx\` ON \`case_studies_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`case_studies\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`persona_name\` text,
  	\`persona_romanized\` text,
  	\`seed_fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`case_studies_slug_idx\` ON \`case_studies\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_updated_at_idx\` ON \`case_studies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_created_at_idx\` ON \`case_studies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`case_studies__status_idx\` ON \`case_studies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_locales\` (
  	\`title\` text,
  	\`industry\` text,
  	\`scenario\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`case_studies_locales_locale_parent_id_unique\` ON \`case_studies_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`case_studies_locales_parent_lookup_idx\` ON \`case_studies_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`case_studies_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_rels_order_idx\` ON \`case_studies_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_parent_idx\` ON \`case_studies_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_path_idx\` ON \`case_studies_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`case_studies_rels_glossary_terms_id_idx\` ON \`case_studies_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_channels_order_idx\` ON \`_case_studies_v_version_channels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_channels_parent_idx\` ON \`_case_studies_v_version_channels\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_tactics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_tactics_order_idx\` ON \`_case_studies_v_version_tactics\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_tactics_parent_id_idx\` ON \`_case_studies_v_version_tactics\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_tactics_locale_idx\` ON \`_case_studies_v_version_tactics\` (\`_locale\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_outcomes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_outcomes_order_idx\` ON \`_case_studies_v_version_outcomes\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_outcomes_parent_id_idx\` ON \`_case_studies_v_version_outcomes\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_outcomes_locale_idx\` ON \`_case_studies_v_version_outcomes\` (\`_locale\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_playbook_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`playbook_id\` text(36),
  	\`step_key\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`playbook_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_playbook_steps_order_idx\` ON \`_case_studies_v_version_playbook_steps\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_playbook_steps_parent_id_idx\` ON \`_case_studies_v_version_playbook_steps\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_playbook_steps_playbook_idx\` ON \`_case_studies_v_version_playbook_steps\` (\`playbook_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_sources_order_idx\` ON \`_case_studies_v_version_sources\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_sources_parent_id_idx\` ON \`_case_studies_v_version_sources\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_slug\` text,
  	\`version_persona_name\` text,
  	\`version_persona_romanized\` text,
  	\`version_seed_fingerprint\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_case_studies_v_parent_idx\` ON \`_case_studies_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_version_slug_idx\` ON \`_case_studies_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_version_updated_at_idx\` ON \`_case_studies_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_version_created_at_idx\` ON \`_case_studies_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_version_version__status_idx\` ON \`_case_studies_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_case_studies_v_created_at_idx\` ON \`_case_studies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_updated_at_idx\` ON \`_case_studies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_snapshot_idx\` ON \`_case_studies_v\` (\`snapshot\`);`)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_published_locale_idx\` ON \`_case_studies_v\` (\`published_locale\`);`,
  )
  await db.run(sql`CREATE INDEX \`_case_studies_v_latest_idx\` ON \`_case_studies_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_case_studies_v_locales\` (
  	\`version_title\` text,
  	\`version_industry\` text,
  	\`version_scenario\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`_case_studies_v_locales_locale_parent_id_unique\` ON \`_case_studies_v_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_locales_parent_lookup_idx\` ON \`_case_studies_v_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_case_studies_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_order_idx\` ON \`_case_studies_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_parent_idx\` ON \`_case_studies_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_path_idx\` ON \`_case_studies_v_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`_case_studies_v_rels_glossary_terms_id_idx\` ON \`_case_studies_v_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`playbooks_steps_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`playbooks_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`playbooks_steps_channels_order_idx\` ON \`playbooks_steps_channels\` (\`order\`);`)
  await db.run(
    sql`CREATE INDEX \`playbooks_steps_channels_parent_idx\` ON \`playbooks_steps_channels\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`playbooks_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`playbooks_steps_order_idx\` ON \`playbooks_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_steps_parent_id_idx\` ON \`playbooks_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`playbooks_steps_locales\` (
  	\`title\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`playbooks_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`playbooks_steps_locales_locale_parent_id_unique\` ON \`playbooks_steps_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`playbooks_steps_locales_parent_lookup_idx\` ON \`playbooks_steps_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`playbooks_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`playbooks_sources_order_idx\` ON \`playbooks_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_sources_parent_id_idx\` ON \`playbooks_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`playbooks\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`stage\` text DEFAULT 'post-purchase',
  	\`seed_fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`playbooks_slug_idx\` ON \`playbooks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_updated_at_idx\` ON \`playbooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_created_at_idx\` ON \`playbooks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`playbooks__status_idx\` ON \`playbooks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`playbooks_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`intro\` text,
  	\`closing\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`playbooks_locales_locale_parent_id_unique\` ON \`playbooks_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`playbooks_locales_parent_lookup_idx\` ON \`playbooks_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`playbooks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`playbooks_rels_order_idx\` ON \`playbooks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_rels_parent_idx\` ON \`playbooks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`playbooks_rels_path_idx\` ON \`playbooks_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`playbooks_rels_glossary_terms_id_idx\` ON \`playbooks_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v_version_steps_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_playbooks_v_version_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_steps_channels_order_idx\` ON \`_playbooks_v_version_steps_channels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_steps_channels_parent_idx\` ON \`_playbooks_v_version_steps_channels\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v_version_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_playbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_steps_order_idx\` ON \`_playbooks_v_version_steps\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_steps_parent_id_idx\` ON \`_playbooks_v_version_steps\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v_version_steps_locales\` (
  	\`title\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_playbooks_v_version_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`_playbooks_v_version_steps_locales_locale_parent_id_unique\` ON \`_playbooks_v_version_steps_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_steps_locales_parent_lookup_idx\` ON \`_playbooks_v_version_steps_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`document\` text,
  	\`completeness\` text DEFAULT 'full',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_playbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_sources_order_idx\` ON \`_playbooks_v_version_sources\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_sources_parent_id_idx\` ON \`_playbooks_v_version_sources\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_slug\` text,
  	\`version_stage\` text DEFAULT 'post-purchase',
  	\`version_seed_fingerprint\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_playbooks_v_parent_idx\` ON \`_playbooks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_version_version_slug_idx\` ON \`_playbooks_v\` (\`version_slug\`);`)
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_version_updated_at_idx\` ON \`_playbooks_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_version_created_at_idx\` ON \`_playbooks_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_version_version__status_idx\` ON \`_playbooks_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_playbooks_v_created_at_idx\` ON \`_playbooks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_updated_at_idx\` ON \`_playbooks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_snapshot_idx\` ON \`_playbooks_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_published_locale_idx\` ON \`_playbooks_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_latest_idx\` ON \`_playbooks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_playbooks_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_intro\` text,
  	\`version_closing\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_playbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`_playbooks_v_locales_locale_parent_id_unique\` ON \`_playbooks_v_locales\` (\`_locale\`,\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_locales_parent_lookup_idx\` ON \`_playbooks_v_locales\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_playbooks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_playbooks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_playbooks_v_rels_order_idx\` ON \`_playbooks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_rels_parent_idx\` ON \`_playbooks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_playbooks_v_rels_path_idx\` ON \`_playbooks_v_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`_playbooks_v_rels_glossary_terms_id_idx\` ON \`_playbooks_v_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`term_graph_changes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`instance\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`term_graph_changes_updated_at_idx\` ON \`term_graph_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`term_graph_changes_created_at_idx\` ON \`term_graph_changes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`feed_changes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`item_id\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`slug\` text,
  	\`action\` text NOT NULL,
  	\`at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`feed_changes_sequence_idx\` ON \`feed_changes\` (\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_item_id_idx\` ON \`feed_changes\` (\`item_id\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_at_idx\` ON \`feed_changes\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`type_sequence_idx\` ON \`feed_changes\` (\`type\`,\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`itemId_sequence_idx\` ON \`feed_changes\` (\`item_id\`,\`sequence\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` text(36),
  	\`glossaries_id\` text(36),
  	\`tags_id\` text(36),
  	\`case_studies_id\` text(36),
  	\`playbooks_id\` text(36),
  	\`users_id\` text(36),
  	\`term_graph_changes_id\` text(36),
  	\`feed_changes_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossaries_id\`) REFERENCES \`glossaries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`playbooks_id\`) REFERENCES \`playbooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`term_graph_changes_id\`) REFERENCES \`term_graph_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`feed_changes_id\`) REFERENCES \`feed_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_glossary_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_glossaries_id_idx\` ON \`payload_locked_documents_rels\` (\`glossaries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_case_studies_id_idx\` ON \`payload_locked_documents_rels\` (\`case_studies_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_playbooks_id_idx\` ON \`payload_locked_documents_rels\` (\`playbooks_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_term_graph_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`term_graph_changes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_feed_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`feed_changes_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(
    sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`glossary_terms_sources\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms_locales\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms_texts\`;`)
  await db.run(sql`DROP TABLE \`glossary_terms_rels\`;`)
  await db.run(sql`DROP TABLE \`_glossary_terms_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_glossary_terms_v\`;`)
  await db.run(sql`DROP TABLE \`_glossary_terms_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_glossary_terms_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_glossary_terms_v_rels\`;`)
  await db.run(sql`DROP TABLE \`glossaries\`;`)
  await db.run(sql`DROP TABLE \`glossaries_locales\`;`)
  await db.run(sql`DROP TABLE \`tags\`;`)
  await db.run(sql`DROP TABLE \`case_studies_channels\`;`)
  await db.run(sql`DROP TABLE \`case_studies_tactics\`;`)
  await db.run(sql`DROP TABLE \`case_studies_outcomes\`;`)
  await db.run(sql`DROP TABLE \`case_studies_playbook_steps\`;`)
  await db.run(sql`DROP TABLE \`case_studies_sources\`;`)
  await db.run(sql`DROP TABLE \`case_studies\`;`)
  await db.run(sql`DROP TABLE \`case_studies_locales\`;`)
  await db.run(sql`DROP TABLE \`case_studies_rels\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_channels\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_tactics\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_outcomes\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_playbook_steps\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_rels\`;`)
  await db.run(sql`DROP TABLE \`playbooks_steps_channels\`;`)
  await db.run(sql`DROP TABLE \`playbooks_steps\`;`)
  await db.run(sql`DROP TABLE \`playbooks_steps_locales\`;`)
  await db.run(sql`DROP TABLE \`playbooks_sources\`;`)
  await db.run(sql`DROP TABLE \`playbooks\`;`)
  await db.run(sql`DROP TABLE \`playbooks_locales\`;`)
  await db.run(sql`DROP TABLE \`playbooks_rels\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_version_steps_channels\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_version_steps\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_version_steps_locales\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_playbooks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`term_graph_changes\`;`)
  await db.run(sql`DROP TABLE \`feed_changes\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
