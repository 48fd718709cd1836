/** Names of the editors' auto-link switches (fields the plugin adds; the feed reads the same names). */

/** On glossary terms: never auto-link to this term. */
export const NEVER_AUTO_LINK_FIELD = 'neverAutoLink'

/** On glossary terms, case studies and playbooks: never add auto-links inside this document. */
export const NO_AUTO_LINKS_FIELD = 'noAutoLinksInside'
