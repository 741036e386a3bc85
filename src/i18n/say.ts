/**
 * A message in the request's language: English when the caller asked for it (Accept-Language or
 * the admin panel's setting), Simplified Chinese otherwise — the platform's default, as Payload's own.
 */
export const say = (req: { i18n?: { language?: string } } | undefined, zh: string, en: string): string =>
  req?.i18n?.language === 'en' ? en : zh
