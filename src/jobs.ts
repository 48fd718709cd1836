import type { Config } from 'payload'

import { isStaff } from './access/roles'

type JobsConfig = NonNullable<Config['jobs']>

/** Every five seconds: a publish scheduled for 09:00 goes out by 09:00:05, for one indexed query per tick. */
export const DEFAULT_JOBS_CRON = '*/5 * * * * *'

/**
 * Payload's jobs queue, which runs scheduled publish / unpublish (`versions.drafts.schedulePublish`).
 * It runs inside the hub's server process (`npm start`, `npm run dev`, which set HUB_JOBS_AUTORUN=1);
 * the seed, the build and the tests start Payload too, and must neither run jobs nor keep a timer alive.
 */
export const hubJobs = (env: NodeJS.ProcessEnv = process.env): JobsConfig => ({
  autoRun: () =>
    env.HUB_JOBS_AUTORUN === '1' ? [{ cron: env.HUB_JOBS_CRON || DEFAULT_JOBS_CRON, queue: 'default', limit: 10 }] : [],
  // Only staff may queue, run or cancel jobs over the API (Payload's default is any signed-in user).
  access: {
    queue: ({ req }) => isStaff(req.user as never),
    run: ({ req }) => isStaff(req.user as never),
    cancel: ({ req }) => isStaff(req.user as never),
  },
})
