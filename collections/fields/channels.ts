import type { SelectField } from 'payload'

export const CHANNELS = [
  { label: 'Email / メール', value: 'email' },
  { label: 'SNS DM', value: 'sns-dm' },
  { label: 'LINE', value: 'line' },
  { label: 'Store / 店舗', value: 'store' },
  { label: 'Web / EC サイト', value: 'web' },
  { label: 'Phone / 電話', value: 'phone' },
  { label: 'App / アプリ', value: 'app' },
  { label: 'Chat / チャット', value: 'chat' },
  { label: 'Post / 郵送', value: 'post' },
] as const

export type Channel = (typeof CHANNELS)[number]['value']

export const channelsField = (): SelectField => ({
  name: 'channels',
  type: 'select',
  hasMany: true,
  options: CHANNELS.map((c) => ({ ...c })),
  admin: { description: '顧客接点のチャネル / Customer touchpoint channels.' },
})
