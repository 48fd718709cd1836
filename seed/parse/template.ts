/**
 * What every page of the source site shares (its template), as opposed to what one document says.
 * The manifest may extend it (`template` in manifest.json) without a code change.
 */
export interface SiteTemplate {
  /** Phrases of the site header and company blurb: a leading line holding one is boilerplate. */
  boilerplate: string[]
  /** Whole lines that are navigation or widget titles. */
  navigation: string[]
  /** A line holding this opens the recommended-columns list at the end of a page. */
  recommendedHeading: string
  /** The line that closes each teaser in the recommended-columns list. */
  teaserEnd: string
  /** A word that ends a glossary's name ("ソーシャルメディア用語集"). */
  glossaryWord: string
  /** Headings that open a case study ("ケーススタディ1"). */
  caseStudyHeading: RegExp
}

export const DEFAULT_TEMPLATE: SiteTemplate = {
  boilerplate: [],
  navigation: ['カテゴリー', 'タグ一覧', '殿堂入り記事'],
  recommendedHeading: 'おすすめコラム',
  teaserEnd: '続きを読んでみる',
  glossaryWord: '用語集',
  caseStudyHeading: /^(?:ケース\s*スタディ|事例|case\s*study)\s*[0-9０-９]*\s*[:：]?\s*$/iu,
}

/** Image file names and banner alt texts that leak into page dumps ("… (Banner).png__PID:…", "… CTA"). */
export const isBannerLine = (line: string): boolean =>
  /\.(?:png|jpe?g|gif|webp|svg)(?:\b|_)|__PID:|\bCTA$/iu.test(line.trim())

export const withTemplate = (
  overrides: Partial<Pick<SiteTemplate, 'boilerplate' | 'navigation'>> | undefined,
): SiteTemplate => ({
  ...DEFAULT_TEMPLATE,
  boilerplate: [...DEFAULT_TEMPLATE.boilerplate, ...(overrides?.boilerplate ?? [])],
  navigation: [...DEFAULT_TEMPLATE.navigation, ...(overrides?.navigation ?? [])],
})
