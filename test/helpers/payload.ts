import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export const startPayload = async (): Promise<Payload> => getPayload({ config })

export { config }
