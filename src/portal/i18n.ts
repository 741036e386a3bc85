/**
 * The portal's two languages. Simplified Chinese is the default; a visitor's choice is kept in
 * the `lianpei-lang` cookie. Each plugin keeps its own labels (`translations/portal.ts`) as one
 * object per language with the same keys, so a missing English label is a type error.
 */
export const LANGS = ['zh', 'en'] as const
export type Lang = (typeof LANGS)[number]
export const LANG_COOKIE = 'lianpei-lang'
/** The product's name in both languages, after every page's own title. */
export const SITE_NAME = '联培 LianPei'

export const langOf = (value: string | undefined | null): Lang => (value === 'en' ? 'en' : 'zh')

/** Labels in both languages: English must have every key Chinese has. */
export type Labels<T extends Record<string, string>> = { zh: T; en: { [K in keyof T]: string } }

export const labels = <T extends Record<string, string>>(l: Labels<T>) => l

/** The labels of one language. */
export const pick = <T extends Record<string, string>>(l: Labels<T>, lang: Lang): { [K in keyof T]: string } => l[lang]

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))

// Made once per language: building an Intl formatter costs far more than using one, and a
// registrar's page formats a date on every row.
const DATES = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' }),
}
const TIMES = {
  zh: new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }),
}
const NUMBERS = { zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) }
export const formatDate = (value: string | Date | null | undefined, lang: Lang) => (value ? DATES[lang].format(new Date(value)) : '—')
/** The time of day in China (where sessions take place), e.g. 14:30. */
export const formatTime = (value: string | Date, lang: Lang) => TIMES[lang].format(new Date(value))
export const formatNumber = (value: number | null | undefined, lang: Lang) => (value === null || value === undefined ? '—' : NUMBERS[lang].format(value))

/** The label of a select field's value, from the collection's own bilingual options. */
export const optionLabel = (options: ReadonlyArray<{ value: string; label: { zh: string; en: string } }>, value: string | null | undefined, lang: Lang) =>
  (value && options.find((o) => o.value === value)?.label[lang]) || value || '—'

/** A document's text in the visitor's language: the English variant when asked for and present. */
export const localized = (zh: string | null | undefined, en: string | null | undefined, lang: Lang) => (lang === 'en' && en ? en : zh) ?? ''

/** "Label: value" and "a, b, c" with each language's punctuation. */
export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ')
export const joinList = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ')
