import { APIError } from 'payload'

/** What one anonymous REST read may ask for; staff (signed-in editors and admins) are not limited here. */
export const ANONYMOUS_READ_BUDGET = {
  /** Documents per page. `limit=0` and `pagination=false` (everything at once) are refused. */
  maxLimit: 100,
  /** Relationship levels populated (`depth`). Each level multiplies the response by the fan-out. */
  maxDepth: 2,
  /** Serialised response bytes, checked by the `/api` route before sending. */
  maxResponseBytes: 8 * 1024 * 1024,
} as const

/** A request parameter the client must change: answered 400 with the parameter named in the message. */
export class ParameterError extends APIError {
  constructor(parameter: string, problem: string) {
    super(`${parameter} ${problem}`, 400, { parameter }, true)
    // Payload names errors after their class, which the production bundle minifies ("o").
    this.name = 'ParameterError'
  }
}

type PagedArgs = { limit?: unknown; pagination?: unknown; depth?: unknown }

/** Throws a ParameterError when an anonymous read asks for more than the budget allows. */
export const assertWithinReadBudget = ({ limit, pagination, depth }: PagedArgs): void => {
  const { maxLimit, maxDepth } = ANONYMOUS_READ_BUDGET
  if (pagination === false) {
    throw new ParameterError(
      'pagination',
      `cannot be turned off by anonymous readers; page through with limit (at most ${maxLimit}) and page`,
    )
  }
  if (limit !== undefined && limit !== null) {
    const value = Number(limit)
    if (!Number.isInteger(value) || value < 1 || value > maxLimit) {
      throw new ParameterError(
        'limit',
        `must be a whole number from 1 to ${maxLimit} for anonymous readers (0, "no paging", is not allowed)`,
      )
    }
  }
  if (depth !== undefined && depth !== null) {
    const value = Number(depth)
    if (!Number.isInteger(value) || value < 0 || value > maxDepth) {
      throw new ParameterError('depth', `must be a whole number from 0 to ${maxDepth} for anonymous readers`)
    }
  }
}
