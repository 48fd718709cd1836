import type { Access, FieldAccess, PayloadRequest } from 'payload'

export type Role = 'admin' | 'editor'

type UserWithRoles = { roles?: Role[] | null } | null | undefined

export const hasRole = (user: UserWithRoles, role: Role): boolean =>
  Boolean(user?.roles?.includes(role))

/** Editors and admins are the people who work in the admin UI. */
export const isStaff = (user: UserWithRoles): boolean =>
  hasRole(user, 'admin') || hasRole(user, 'editor')

export const staffOnly: Access = ({ req }) => isStaff(req.user as UserWithRoles)

export const adminsOnly: Access = ({ req }) => hasRole(req.user as UserWithRoles, 'admin')

export const adminsOnlyField: FieldAccess = ({ req }) => hasRole(req.user as UserWithRoles, 'admin')

/**
 * Storefronts (anonymous) see published documents only; staff see drafts too.
 * Returning a query (not `false`) keeps list endpoints answering with the public subset.
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaff(req.user as UserWithRoles)) return true
  return { _status: { equals: 'published' } }
}

export const isStaffRequest = (req: PayloadRequest): boolean => isStaff(req.user as UserWithRoles)
