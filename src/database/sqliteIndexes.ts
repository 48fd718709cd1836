import { getTableColumns, getTableName } from '@payloadcms/db-sqlite/drizzle'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite/types'

/**
 * Payload's SQLite schema indexes `*_locales` tables by (_locale, _parent_id) and `*_texts` by
 * (order, parent_id), so reading one localized document scans them whole. An index on the parent
 * column alone turns those reads into lookups (a `since` feed delta among 100,000 items: 356 ms → 7 ms).
 */
export const indexChildTablesByParent: SQLiteSchemaHook = ({ extendTable, schema }) => {
  for (const table of Object.values(schema.tables)) {
    const name = getTableName(table)
    const parentColumn = name.endsWith('_locales') ? '_parent_id' : name.endsWith('_texts') ? 'parent_id' : null
    if (!parentColumn) continue
    const key = Object.entries(getTableColumns(table)).find(
      ([, column]) => (column as { name: string }).name === parentColumn,
    )?.[0]
    if (!key) continue
    extendTable({
      table,
      extraConfig: (columns) => ({ parentLookup: index(`${name}_parent_lookup_idx`).on(columns[key]) }),
    })
  }
  return schema
}
