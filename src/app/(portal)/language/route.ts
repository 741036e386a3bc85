/* `GET /language?to=en&back=/path`: remembers the visitor's language for a year and goes back. */
import { LANG_COOKIE, langOf } from '../../../portal/i18n'
import { localPath } from '../../../portal/localPath'

export function GET(request: Request) {
  const url = new URL(request.url)
  const lang = langOf(url.searchParams.get('to'))
  const back = localPath(url.searchParams.get('back'))
  return new Response(null, {
    status: 303,
    headers: { location: back, 'set-cookie': `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  })
}
