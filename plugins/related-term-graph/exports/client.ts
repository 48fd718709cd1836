// The plugin's admin components, addressed as 'related-term-graph/client#Name' (tsconfig paths; a package's exports once published).
export { GraphField, type GraphFieldProps } from '../components/GraphField'
export { GraphHealth, type GraphHealthProps } from '../components/GraphHealth'
