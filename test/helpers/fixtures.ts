import type { Payload } from 'payload'

/** Lexical rich text with one paragraph, the shape the admin editor saves. */
export const richText = (text: string) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: [
      {
        type: 'paragraph',
        format: '' as const,
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

export const createGlossary = (payload: Payload, slug = 'social-media', name = 'ソーシャルメディア用語集') =>
  payload.create({ collection: 'glossaries', data: { name, slug } })

export const createUser = (payload: Payload, email: string, roles: ('admin' | 'editor')[]) =>
  payload.create({
    collection: 'users',
    data: { email, password: 'correct-horse-battery-staple', roles },
    overrideAccess: true,
  })

export const loginToken = async (payload: Payload, email: string): Promise<string> => {
  const { token } = await payload.login({
    collection: 'users',
    data: { email, password: 'correct-horse-battery-staple' },
  })
  if (!token) throw new Error(`no token for ${email}`)
  return token
}
