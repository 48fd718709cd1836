import { freshDatabaseUri } from './testDatabase'

// Set before any test file imports payload.config.ts, which reads DATABASE_URI once.
process.env.DATABASE_URI = freshDatabaseUri()
