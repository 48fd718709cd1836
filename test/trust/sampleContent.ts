import type { Payload } from 'payload'

import { richText } from '../helpers/fixtures'

/** A little published and draft content, so public endpoints have something to answer and hide. */
export const createSampleContent = async (payload: Payload) => {
  const glossary = await payload.create({
    collection: 'glossaries',
    data: { name: 'マーケティング用語集', slug: 'marketing' },
  })
  const tag = await payload.create({ collection: 'tags', data: { name: 'Analytics', slug: 'analytics' } })
  const utm = await payload.create({
    collection: 'glossary-terms',
    data: {
      term: 'UTMコード',
      slug: 'utm-code',
      englishName: 'UTM Code',
      summary: 'UTMコードは流入元を計測するためのパラメータです。',
      body: richText('UTMパラメータとインフルエンサー施策の計測に使います。'),
      glossary: glossary.id,
      tags: [tag.id],
      _status: 'published',
    },
  })
  const influencer = await payload.create({
    collection: 'glossary-terms',
    data: {
      term: 'インフルエンサー',
      slug: 'influencer',
      summary: 'インフルエンサーは SNS で影響力を持つ人です。UTMコードで成果を測ります。',
      glossary: glossary.id,
      tags: [tag.id],
      related: [utm.id],
      _status: 'published',
    },
  })
  const draft = await payload.create({
    collection: 'glossary-terms',
    data: {
      term: '下書きの用語',
      slug: 'secret-draft',
      summary: 'まだ公開しない。',
      glossary: glossary.id,
      _status: 'draft',
    },
  })
  const playbook = await payload.create({
    collection: 'playbooks',
    data: {
      title: '購入後体験',
      slug: 'post-purchase',
      steps: [{ title: '注文確認', key: 'order-confirmation', relatedTerms: [utm.id, influencer.id] }],
      _status: 'published',
    },
  })
  const caseStudy = await payload.create({
    collection: 'case-studies',
    data: {
      title: '絵里奈さんの事例',
      slug: 'erina',
      persona: { name: '絵里奈', romanized: 'Erina' },
      relatedTerms: [utm.id, influencer.id],
      playbookSteps: [{ playbook: playbook.id, stepKey: 'order-confirmation' }],
      _status: 'published',
    },
  })
  return { glossary, tag, utm, influencer, draft, playbook, caseStudy }
}
