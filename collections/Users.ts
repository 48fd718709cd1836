import type { CollectionConfig } from 'payload'

import { adminsOnly, adminsOnlyField, adminsOrSelf, hasRole, isStaff } from '../src/access/roles'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { ja: 'ユーザー', en: 'User' }, plural: { ja: 'ユーザー', en: 'Users' } },
  auth: true,
  admin: {
    useAsTitle: 'email',
    group: 'Admin',
    defaultColumns: ['email', 'name', 'roles'],
  },
  access: {
    read: adminsOrSelf,
    create: adminsOnly,
    update: adminsOrSelf,
    delete: adminsOnly,
    admin: ({ req: { user } }) => isStaff(user),
  },
  hooks: {
    beforeChange: [
      // The very first account (the create-first-user screen) must be able to manage the hub.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
        if (totalDocs === 0) return { ...data, roles: ['admin'] }
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      defaultValue: ['editor'],
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Editor', value: 'editor' },
      ],
      access: {
        // Anonymous requests reach user creation only through the first-user screen, which must set roles.
        create: ({ req }) => !req.user || hasRole(req.user, 'admin'),
        update: adminsOnlyField,
      },
      admin: {
        description: '管理者のみ変更可 / Only admins can change roles.',
        // The first-user screen has no signed-in user; that account always becomes an admin.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
  ],
}
