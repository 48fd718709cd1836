import type { Payload, TypedUser } from 'payload'

import { hubIsEmpty } from '../../seed/endpoint'
import { hasRole } from '../access/roles'
import { SampleContentButton } from './SampleContentButton'

/** On an empty hub's dashboard, an admin is offered the sample glossary, case studies and playbook. */
export const SampleContent = async ({ payload, user }: { payload: Payload; user?: TypedUser | null }) => {
  if (!hasRole(user, 'admin')) return null
  if (!(await hubIsEmpty(payload))) return null
  return (
    <SampleContentButton
      apiRoute={payload.config.routes.api}
      termsHref={`${payload.config.routes.admin}/collections/glossary-terms`}
    />
  )
}
