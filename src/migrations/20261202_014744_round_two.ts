import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`webhooks_events\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhooks_events_order_idx\` ON \`webhooks_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_events_parent_idx\` ON \`webhooks_events\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`webhooks_content_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhooks_content_types_order_idx\` ON \`webhooks_content_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_content_types_parent_idx\` ON \`webhooks_content_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`webhooks\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`secret\` text,
  	\`secret_revealed\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`webhooks_updated_at_idx\` ON \`webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_created_at_idx\` ON \`webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`summary\` text,
  	\`webhook_id\` text(36),
  	\`event\` text NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`collection_slug\` text,
  	\`document_id\` text,
  	\`document_slug\` text,
  	\`target\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`delivered_at\` text,
  	\`last_status_code\` numeric,
  	\`last_response\` text,
  	\`last_error\` text,
  	\`last_duration_ms\` numeric,
  	\`order_key\` text,
  	\`sequence\` numeric,
  	\`claimed_by\` text,
  	\`claimed_until\` text,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_webhook_idx\` ON \`webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`webhook_deliveries_event_id_idx\` ON \`webhook_deliveries\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(
    sql`CREATE INDEX \`webhook_deliveries_next_attempt_at_idx\` ON \`webhook_deliveries\` (\`next_attempt_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`webhook_deliveries_order_key_idx\` ON \`webhook_deliveries\` (\`order_key\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_sequence_idx\` ON \`webhook_deliveries\` (\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`never_auto_link\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`reading_suggested\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`glossary_terms_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`glossary_terms_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_never_auto_link\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` ADD \`version_reading_suggested\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`case_studies\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`case_studies_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`case_studies_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`playbooks\` ADD \`no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`playbooks_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`playbooks_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v\` ADD \`version_no_auto_links_inside\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`webhooks_id\` text(36) REFERENCES webhooks(id);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`webhook_deliveries_id\` text(36) REFERENCES webhook_deliveries(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`webhooks_events\`;`)
  await db.run(sql`DROP TABLE \`webhooks_content_types\`;`)
  await db.run(sql`DROP TABLE \`webhooks\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "glossary_terms_id", "glossaries_id", "tags_id", "case_studies_id", "playbooks_id", "users_id", "term_graph_changes_id", "feed_changes_id") SELECT "id", "order", "parent_id", "path", "glossary_terms_id", "glossaries_id", "tags_id", "case_studies_id", "playbooks_id", "users_id", "term_graph_changes_id", "feed_changes_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`never_auto_link\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`reading_suggested\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms_locales\` DROP COLUMN \`meta_title\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms_locales\` DROP COLUMN \`meta_description\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_never_auto_link\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v\` DROP COLUMN \`version_reading_suggested\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v_locales\` DROP COLUMN \`version_meta_title\`;`)
  await db.run(sql`ALTER TABLE \`_glossary_terms_v_locales\` DROP COLUMN \`version_meta_description\`;`)
  await db.run(sql`ALTER TABLE \`case_studies\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`case_studies_locales\` DROP COLUMN \`meta_title\`;`)
  await db.run(sql`ALTER TABLE \`case_studies_locales\` DROP COLUMN \`meta_description\`;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v_locales\` DROP COLUMN \`version_meta_title\`;`)
  await db.run(sql`ALTER TABLE \`_case_studies_v_locales\` DROP COLUMN \`version_meta_description\`;`)
  await db.run(sql`ALTER TABLE \`playbooks\` DROP COLUMN \`no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`playbooks_locales\` DROP COLUMN \`meta_title\`;`)
  await db.run(sql`ALTER TABLE \`playbooks_locales\` DROP COLUMN \`meta_description\`;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v\` DROP COLUMN \`version_no_auto_links_inside\`;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v_locales\` DROP COLUMN \`version_meta_title\`;`)
  await db.run(sql`ALTER TABLE \`_playbooks_v_locales\` DROP COLUMN \`version_meta_description\`;`)
}
