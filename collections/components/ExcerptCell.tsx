import type { DefaultServerCellComponentProps } from 'payload'

/** 抜粋 / Excerpt as a badge instead of the checkbox column's "true" / "false". */
export const ExcerptCell = ({ cellData, i18n }: DefaultServerCellComponentProps) =>
  cellData === true ? (
    <span className="hub-excerpt-badge" data-testid="excerpt-badge">
      {i18n?.language === 'ja' ? '抜粋' : 'Excerpt'}
    </span>
  ) : null
