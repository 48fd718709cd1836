import { slugify } from '../../collections/fields/slug'
import type { Manifest } from './manifest'
import { editDistance, keyOf, shortHash } from './text'
import type { ParsedGlossary, ParseWarning } from './types'

type ManifestGlossary = Manifest['glossaries'][number]

/** Glossary names resolve to one glossary each: manifest aliases, then near-identical spellings (typos). */
export class GlossaryRegistry {
  private readonly canonical = new Map<string, string>()
  private readonly manifestByKey = new Map<string, ManifestGlossary>()
  private readonly known = new Set<string>()
  /** Names that are a page's own title for a glossary that also goes by another name. */
  private readonly titles = new Set<string>()
  readonly entries = new Map<
    string,
    { spellings: Map<string, number>; englishName: string | null; description: string | null; sources: string[] }
  >()

  constructor(
    manifest: Manifest,
    private readonly warn: (warning: ParseWarning) => void,
  ) {
    for (const glossary of manifest.glossaries) {
      const key = keyOf(glossary.name)
      this.manifestByKey.set(key, glossary)
      this.canonical.set(key, key)
      for (const alias of glossary.aliases ?? []) this.canonical.set(keyOf(alias), key)
    }
  }

  /** Names met in any footer, so title lines can be split before every page is read. */
  learn(name: string) {
    this.known.add(keyOf(name))
  }

  /** Another name of a glossary already met (an in-page H1 that differs from the title line). */
  alias(name: string, of: string, file: string) {
    this.titles.add(of)
    const target = this.resolve(of, file)
    const key = keyOf(name)
    if (!this.canonical.has(key) && !this.entries.has(key)) this.canonical.set(key, target)
  }

  isKnown = (key: string): boolean => this.canonical.has(key) || this.known.has(key) || this.entries.has(key)

  resolve(name: string, file: string): string {
    const key = keyOf(name)
    const direct = this.canonical.get(key)
    if (direct) return direct
    if (this.entries.has(key)) return key
    if ([...key].length >= 8) {
      const candidates = [...new Set([...this.manifestByKey.keys(), ...this.entries.keys()])]
      const near = candidates.find((candidate) => editDistance(candidate, key, 1) <= 1)
      if (near) {
        this.warn({
          file,
          message: `glossary "${name}" read as "${this.displayName(near) ?? name}" (one character apart)`,
        })
        this.canonical.set(key, near)
        return near
      }
    }
    return key
  }

  add(name: string, details: { slogan: string | null; englishName: string | null }, file: string): string {
    const key = this.resolve(name, file)
    let entry = this.entries.get(key)
    if (!entry) {
      entry = { spellings: new Map(), englishName: null, description: null, sources: [] }
      this.entries.set(key, entry)
    }
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1)
    entry.englishName ??= details.englishName
    entry.description ??= details.slogan
    if (!entry.sources.includes(file)) entry.sources.push(file)
    return key
  }

  private displayName(key: string): string | undefined {
    const fromManifest = this.manifestByKey.get(key)?.name
    if (fromManifest) return fromManifest
    const spellings = this.entries.get(key)?.spellings
    if (!spellings) return undefined
    // A glossary article's own title first (not its H1 that happens to be linked as often), then the most used.
    const own = (spelling: string) => (this.titles.has(spelling) ? 1 : 0)
    return [...spellings.entries()].sort((a, b) => own(b[0]) - own(a[0]) || b[1] - a[1])[0]?.[0]
  }

  build(): ParsedGlossary[] {
    return [...this.entries.entries()].map(([key, entry]) => {
      const manifest = this.manifestByKey.get(key)
      const name = this.displayName(key) ?? key
      const englishName = manifest?.englishName ?? entry.englishName
      const description = manifest?.description ?? entry.description
      const slug = manifest?.slug ?? (englishName && slugify(englishName.replace(/\s*glossary$/i, ''))) ?? ''
      return {
        key,
        slug: slug || `glossary-${shortHash(key)}`,
        name,
        englishName: englishName ?? null,
        description: description ?? null,
        sources: entry.sources,
      }
    })
  }
}
