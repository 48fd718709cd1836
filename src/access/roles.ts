import type { AccessArgs, AccessResult, FieldAccess, PayloadRequest } from 'payload'

import type { User } from '../payload-types'

export type Role = NonNullable<User['roles']>[number]

type Someone = Pick<User, 'roles'> | null | undefined

/** An access function over the generated `User` (`req.user` needs no cast). */
type UserAccess = (args: AccessArgs<User>) => AccessResult

export const hasRole = (user: Someone, role: Role): boolean => Boolean(user?.roles?.includes(role))

/** Editors and admins are the people who work in the admin UI. */
export const isStaff = (user: Someone): boolean => hasRole(user, 'admin') || hasRole(user, 'editor')

export const staffOnly: UserAccess = ({ req: { user } }) => isStaff(user)

export const adminsOnly: UserAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** Admins see and change every account; anyone else signed in only their own; anonymous readers none. */
export const adminsOrSelf: UserAccess = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}

export const adminsOnlyField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/**
 * Storefronts (anonymous) see published documents only; staff see drafts too.
 * Returning a query (not `false`) keeps list endpoints answering with the public subset.
 */
export const publishedOrStaff: UserAccess = ({ req: { user } }) => {
  if (isStaff(user)) return true
  return { _status: { equals: 'published' } }
}

export const isStaffRequest = (req: PayloadRequest): boolean => isStaff(req.user)
