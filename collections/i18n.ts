/** A text in both interface languages; Payload picks by the admin user's language. */
export const zhEn = (zh: string, en: string) => ({ zh, en })

/** Options of a select field, labelled in both languages. */
export const options = <V extends string>(entries: Record<V, [zh: string, en: string]>) =>
  (Object.entries(entries) as Array<[V, [string, string]]>).map(([value, [zh, en]]) => ({
    value,
    label: zhEn(zh, en),
  }))
