/**
 * What every portal page starts from: Payload, the signed-in user (from the request's cookie,
 * through the same auth strategies as the REST API) and the visitor's language. Pages read data
 * through the Local API with `user` and `overrideAccess: false`, so they show exactly what the
 * user may see.
 */
import config from '@payload-config'
import { cookies, headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { createLocalReq, executeAuthStrategies, getLocalI18n, getPayload, type Payload, type PayloadRequest } from 'payload'
import { cache } from 'react'
import type { User } from '../../payload-types'
import { type Lang, LANG_COOKIE, langOf } from './i18n'
import { type PortalPlugin, portalPluginEnabled } from './plugins'

export type PortalContext = { payload: Payload; user: User | null; lang: Lang }

export const portalContext = cache(async (): Promise<PortalContext> => {
  const payload = await getPayload({ config })
  // The user only: payload.auth would also work out every collection's permissions, which the
  // portal never reads, and that was a third of a page's time.
  const { user } = await executeAuthStrategies({ headers: await headers(), payload, canSetHeaders: false })
  const lang = langOf((await cookies()).get(LANG_COOKIE)?.value)
  return { payload, user: (user as User | null) ?? null, lang }
})

/** The signed-in user, or a redirect to sign in and back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<PortalContext & { user: User }> {
  const context = await portalContext()
  if (!context.user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`)
  return context as PortalContext & { user: User }
}


/** `path` plus the page's search parameters, for returning to exactly this page. */
export const pathWithQuery = (path: string, searchParams: Record<string, string | string[] | undefined>) => {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams)) for (const v of [value].flat()) if (v !== undefined) query.append(key, v)
  const q = query.toString()
  return q ? `${path}?${q}` : path
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>
export const param = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/**
 * A Local API request as the signed-in user (or anonymous) in the visitor's language, so access
 * rules and the domain's messages (`say`) apply as they do to the REST API.
 */
export const portalRequest = cache(async (): Promise<PayloadRequest> => {
  const { payload, user, lang } = await portalContext()
  const i18n = await getLocalI18n({ config: payload.config, language: lang })
  return createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined, req: { i18n } } as never, payload)
})

/** A disabled plugin's pages answer 404. */
export async function requirePortalPlugin(plugin: PortalPlugin): Promise<void> {
  if (!portalPluginEnabled((await portalContext()).payload.config, plugin)) notFound()
}
