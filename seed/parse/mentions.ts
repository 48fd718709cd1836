import { findAll, matchForm } from './text'

/** A name that stands for a record (a term's headword, English name or alias). */
export interface Label {
  text: string
  slug: string
}

const MIN_LENGTH = 2

/**
 * Finds which records a text names. Matching ignores width, case and the spaces Japanese web text
 * puts between words; ASCII labels match whole words only; a longer label wins over one inside it
 * ("UTMパラメータ" before "UTM"). Returns slugs in order of first mention.
 */
export const createMentionFinder = (labels: Label[]) => {
  const needles = labels
    .map((label) => ({ form: matchForm(label.text), slug: label.slug }))
    .filter((needle) => [...needle.form].length >= MIN_LENGTH)
    .sort((a, b) => b.form.length - a.form.length)

  return (text: string, exclude: string[] = []): string[] => {
    const haystack = matchForm(text)
    const taken: [number, number][] = []
    const firstAt = new Map<string, number>()
    for (const needle of needles) {
      for (const at of findAll(haystack, needle.form)) {
        const end = at + needle.form.length
        if (taken.some(([from, to]) => at < to && end > from)) continue
        // An excluded record (the text's own subject) still hides shorter labels inside its name.
        taken.push([at, end])
        if (exclude.includes(needle.slug)) continue
        if (!firstAt.has(needle.slug) || (firstAt.get(needle.slug) ?? 0) > at) firstAt.set(needle.slug, at)
      }
    }
    return [...firstAt.entries()].sort((a, b) => a[1] - b[1]).map(([slug]) => slug)
  }
}
