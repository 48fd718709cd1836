/** Turning a file's bytes into text, or a reason a person can act on. Pure: takes bytes, returns text. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string }

const hex = (byte: number | undefined) => `0x${(byte ?? 0).toString(16).padStart(2, '0').toUpperCase()}`

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export const firstInvalidUtf8Offset = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    const size =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0
    if (size === 0) return i
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0
    if (lead === 0xe0 && second < 0xa0) return i
    if (lead === 0xed && second > 0x9f) return i
    if (lead === 0xf0 && second < 0x90) return i
    if (lead === 0xf4 && second > 0x8f) return i
    i += size
  }
  return -1
}

const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F]/g

/**
 * Decodes a document: UTF-8 with or without a byte-order mark. Refuses empty files, UTF-16,
 * binary data and bytes that are not UTF-8, each with the reason and the fix.
 */
export const decodeDocument = (bytes: Uint8Array): Decoded => {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text (byte-order mark found); save the file as UTF-8' }
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) return { ok: false, reason: `binary data (NUL byte at offset ${nul}), not a text document` }
  const invalid = firstInvalidUtf8Offset(bytes)
  if (invalid >= 0) {
    return {
      ok: false,
      reason: `not UTF-8 text (invalid byte ${hex(bytes[invalid])} at offset ${invalid}); save the file as UTF-8`,
    }
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)
  return checkText(text)
}

/** The checks that apply to text handed over already decoded. */
export const checkText = (text: string): Decoded => {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' }
  const controls = body.match(CONTROL)?.length ?? 0
  if (controls > Math.max(2, body.length / 200)) {
    return { ok: false, reason: `binary data (${controls} control characters), not a text document` }
  }
  return { ok: true, text: body }
}
