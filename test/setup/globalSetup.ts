import { testEngine } from './testDatabase'

export default function announceEngine(): void {
  const where =
    testEngine() === 'mongodb' ? (process.env.TEST_MONGODB_URL ?? 'mongodb://127.0.0.1:27017') : 'temporary files'
  console.log(`\nTest database engine: ${testEngine()} (${where}); each test file gets a fresh database.\n`)
}
