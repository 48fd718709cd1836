import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { migrations } from '../migrations'
import type { DatabaseChoice } from './resolve'
import { readPagesIdsFirst } from './idFirstReads'
import { skipUnreadableInPages, skipUnreadableOne } from './unreadableDocuments'
import { analyseUnanalysedTables, keepPlannerStatisticsFresh } from './plannerStatistics'
import { indexChildTablesByParent } from './sqliteIndexes'

type SqliteAdapter = ReturnType<ReturnType<typeof sqliteAdapter>['init']>

/** Statistics for tables never analysed, before the first read (plannerStatistics.ts); a failure only costs speed. */
const gatherMissingStatistics = async (adapter: SqliteAdapter): Promise<void> => {
  const started = performance.now()
  try {
    const tables = await analyseUnanalysedTables(adapter.client)
    if (tables.length > 0) {
      adapter.payload.logger.info(
        `SQLite: gathered planner statistics for ${tables.length} tables in ${Math.round(performance.now() - started)} ms`,
      )
    }
  } catch (error) {
    adapter.payload.logger.warn({ err: error }, 'SQLite: gathering planner statistics failed; reads use guessed plans')
  }
}

/** The only place that knows which Payload adapter serves which engine. */
export const databaseAdapter = (choice: DatabaseChoice): DatabaseAdapterObj => {
  if (choice.engine === 'mongodb') {
    return mongooseAdapter({
      url: choice.url,
      // Fail in seconds, not after the driver's 30 s default, when the server is unreachable.
      connectOptions: { serverSelectionTimeoutMS: 3000, connectTimeoutMS: 3000 },
    })
  }
  const sqlite = sqliteAdapter({
    client: { url: choice.url },
    // String ids on both engines, so storefronts see one shape.
    idType: 'uuidv7',
    migrationDir: 'src/migrations',
    // Production does not push the schema; these migrations create it.
    prodMigrations: migrations,
    afterSchemaInit: [indexChildTablesByParent],
    busyTimeout: 5000,
    wal: true,
  })
  // REST, GraphQL and Local API page reads go ids first (see idFirstReads.ts); HUB_SQLITE_ONE_STEP_READS=1 measures without.
  const idsFirst = process.env.HUB_SQLITE_ONE_STEP_READS !== '1'
  return {
    ...sqlite,
    init: (args) => {
      const adapter = sqlite.init(args)
      // One row a read cannot convert is left out and logged, not a 500 for every reader (unreadableDocuments.ts).
      adapter.find = skipUnreadableInPages(idsFirst ? readPagesIdsFirst(adapter.find) : adapter.find)
      adapter.queryDrafts = skipUnreadableInPages(adapter.queryDrafts)
      adapter.findVersions = skipUnreadableInPages(adapter.findVersions)
      adapter.findOne = skipUnreadableOne(adapter.findOne)
      const { connect, destroy } = adapter
      let stopRefreshing = () => {}
      adapter.connect = async function (this: typeof adapter, ...connectArgs) {
        await connect?.apply(this, connectArgs)
        await gatherMissingStatistics(adapter)
        // A reconnect keeps one refresh timer, not one per connect.
        stopRefreshing()
        stopRefreshing = keepPlannerStatisticsFresh(adapter.client, (error) =>
          adapter.payload.logger.warn({ err: error }, 'SQLite: refreshing planner statistics failed; will retry'),
        )
      }
      adapter.destroy = async function (this: typeof adapter) {
        stopRefreshing()
        await destroy?.call(this)
      }
      return adapter
    },
  }
}
