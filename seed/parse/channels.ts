import { CHANNELS, type Channel } from '../../collections/fields/channels'

/**
 * Customer touchpoint channels named in Japanese (or English) commerce prose. A mention followed by
 * "ではなく" ("not X but Y") does not count: "eメールではなくSNSメッセージ" is an SNS message.
 */
const CHANNEL_WORDS: Record<Channel, RegExp> = {
  email: /(?:[EeＥｅ]\s*[-‐]?\s*)?メール(?!マガジン登録)|e-?mail/giu,
  'sns-dm': /SNS\s*(?:の|[-‐])?\s*(?:DM|メッセージ|メッセンジャー)|ダイレクトメッセージ|インスタ(?:グラム)?の?DM/giu,
  line: /\bLINE\b/gu,
  store: /店舗|店頭|来店|実店舗|リアル店舗/gu,
  web: /オンライン|ウェブ|\bweb\b|(?:EC|Web|ウェブ)?サイト|(?<!リアル)ショップ|マイページ|ショッピングカート|送料/giu,
  phone: /電話|\bvoice\b|コールセンター/giu,
  app: /アプリ/gu,
  chat: /チャット/gu,
  post: /郵送|郵便|はがき|ハガキ|ダイレクトメール/gu,
}

const NEGATION = /^\s*(?:では|でも)?なく/u

/** The channels a text names, in the order the content model lists them. */
export const detectChannels = (text: string): Channel[] =>
  CHANNELS.map((c) => c.value).filter((channel) => {
    for (const match of text.matchAll(CHANNEL_WORDS[channel])) {
      const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 6)
      if (!NEGATION.test(after)) return true
    }
    return false
  })
