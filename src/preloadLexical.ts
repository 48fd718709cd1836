/**
 * Lexical's Node builds load their code with top-level `await import()`; importing the editor's many
 * lexical packages all at once (as payload.config does) sometimes deadlocks Node 20's module loader
 * (the process exits with code 13, "unsettled top-level await"). Loaded one at a time first, they never do.
 * Next.js bundles these modules itself; this is for plain Node entry points (launchers, seed, scripts).
 */
const LEXICAL_PACKAGES = [
  'lexical',
  '@lexical/utils',
  '@lexical/selection',
  '@lexical/clipboard',
  '@lexical/html',
  '@lexical/list',
  '@lexical/link',
  '@lexical/rich-text',
  '@lexical/table',
  '@lexical/mark',
  '@lexical/headless',
]

export const preloadLexical = async (): Promise<void> => {
  for (const name of LEXICAL_PACKAGES) await import(name).catch(() => {})
}
