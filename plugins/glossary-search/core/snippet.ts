import { escapeText } from '../../storefront-feed/core/escape'
import { foldWithMap } from './fold'

/** Characters of context a snippet shows. */
export const SNIPPET_LENGTH = 120

/**
 * A snippet of `text` around the first match, as HTML: the text escaped, each match of a folded needle
 * wrapped in <mark>. Needles are folded query words (and the index words a typo or prefix matched);
 * matching runs on the folded text and maps back, so `いんふる` marks `インフル` and `ＵＴＭ` marks as `utm`.
 */
export const highlight = (text: string, needles: string[], length = SNIPPET_LENGTH): string => {
  if (!text) return ''
  const folded = foldWithMap(text)
  const ranges: [number, number][] = []
  for (const needle of new Set(needles)) {
    if (!needle) continue
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + needle.length)) {
      ranges.push([folded.starts[at]!, folded.ends[at + needle.length - 1]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  // A window that starts a little before the first match (whole code points, never half a surrogate pair).
  const firstMatch = merged[0]?.[0] ?? 0
  let from = Math.max(0, firstMatch - Math.floor(length / 4))
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--
  let to = Math.min(text.length, from + length)
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++
  let html = from > 0 ? '…' : ''
  let cursor = from
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    html += `${escapeText(text.slice(cursor, s))}<mark>${escapeText(text.slice(s, e))}</mark>`
    cursor = e
  }
  html += escapeText(text.slice(cursor, to))
  return to < text.length ? `${html}…` : html
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff
