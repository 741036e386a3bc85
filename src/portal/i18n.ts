/**
 * The portal's two languages. Simplified Chinese is the default; a visitor's choice is kept in
 * the `lianpei-lang` cookie. Each plugin keeps its own labels (`translations/portal.ts`) as one
 * object per language with the same keys, so a missing English label is a type error.
 */
export const LANGS = ['zh', 'en'] as const
export type Lang = (typeof LANGS)[number]
export const LANG_COOKIE = 'lianpei-lang'

export const langOf = (value: string | undefined | null): Lang => (value === 'en' ? 'en' : 'zh')

/** Labels in both languages: English must have every key Chinese has. */
export type Labels<T extends Record<string, string>> = { zh: T; en: { [K in keyof T]: string } }

export const labels = <T extends Record<string, string>>(l: Labels<T>) => l

/** The labels of one language. */
export const pick = <T extends Record<string, string>>(l: Labels<T>, lang: Lang): { [K in keyof T]: string } => l[lang]

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))

const DATE = { zh: 'zh-CN', en: 'en-GB' } as const
export const formatDate = (value: string | Date | null | undefined, lang: Lang) =>
  value ? new Intl.DateTimeFormat(DATE[lang], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date(value)) : '—'
export const formatNumber = (value: number | null | undefined, lang: Lang) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(DATE[lang], { maximumFractionDigits: 2 }).format(value)

/** The label of a select field's value, from the collection's own bilingual options. */
export const optionLabel = (options: ReadonlyArray<{ value: string; label: { zh: string; en: string } }>, value: string | null | undefined, lang: Lang) =>
  (value && options.find((o) => o.value === value)?.label[lang]) || value || '—'

/** A document's text in the visitor's language: the English variant when asked for and present. */
export const localized = (zh: string | null | undefined, en: string | null | undefined, lang: Lang) => (lang === 'en' && en ? en : zh) ?? ''

/** "Label: value" and "a, b, c" with each language's punctuation. */
export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ')
export const joinList = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ')
