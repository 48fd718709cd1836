// The plugin's admin components, addressed as 'webhooks/client#Name' (tsconfig paths; a package's exports once published).
export { WebhookActions } from '../components/WebhookActions'
