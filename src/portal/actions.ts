'use server'
/**
 * The portal's account actions, as server actions behind plain forms (they work before any
 * script has loaded). Each one ends in a redirect that says what happened.
 */
import config from '@payload-config'
import { login, logout } from '@payloadcms/next/auth'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'
import { CORE, CORE_TASKS } from '../../collections/slugs'
import { CLIENT_ADDRESS_HEADER, type LimitName, takeRequest } from '../http/rateLimit'
import { langOf } from './i18n'
import { localPath, withoutQuery } from './localPath'

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim()
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The same per-address limit as the API's route, counted together with it; seconds to wait, or 0. */
async function overLimit(limit: LimitName): Promise<number> {
  const taken = takeRequest(limit, (await headers()).get(CLIENT_ADDRESS_HEADER) ?? 'unknown')
  return taken.allowed ? 0 : taken.retryAfter
}

export async function signIn(form: FormData) {
  const next = localPath(text(form, 'next'))
  const email = text(form, 'email')
  const password = String(form.get('password') ?? '')
  const wait = await overLimit('loginPerAddress')
  if (wait) redirect(`/sign-in?error=busy&retry=${wait}&next=${encodeURIComponent(next)}`)
  let ok = false
  try {
    ok = Boolean((await login({ collection: CORE.users, config, email, password })).token)
  } catch {
    ok = false
  }
  redirect(ok ? next : `/sign-in?error=1&next=${encodeURIComponent(next)}`)
}

/**
 * Ends the session (Payload's logout) and always drops the cookie: Payload's logout leaves the
 * cookie in place when it finds no user behind it, and a sign-out must never leave one. Then back
 * to the page it was sent from (a private one asks to sign in again), without its query: that may
 * carry what an action said to the one signed in, or a check-in code, for the next person to see.
 */
export async function signOut(form: FormData) {
  const next = withoutQuery(localPath(text(form, 'next')))
  const payload = await getPayload({ config })
  try {
    await logout({ config })
  } catch (error) {
    payload.logger.warn({ err: error }, 'portal sign-out: the session could not be ended; the cookie is dropped anyway')
  }
  ;(await cookies()).delete(`${payload.config.cookiePrefix}-token`)
  redirect(next)
}

/** Queues the reset email (jobs queue) and says the same whether or not the address is known. */
export async function requestPasswordReset(form: FormData) {
  const email = text(form, 'email').toLowerCase()
  if (!EMAIL.test(email)) redirect('/forgot-password?error=email')
  const wait = await overLimit('passwordResetPerAddress')
  if (wait) redirect(`/forgot-password?error=busy&retry=${wait}`)
  const payload = await getPayload({ config })
  await payload.jobs.queue({ task: CORE_TASKS.sendPasswordReset, input: { email, lang: langOf(text(form, 'lang')) } } as never)
  redirect('/forgot-password?sent=1')
}

export async function resetPassword(form: FormData) {
  const token = text(form, 'token')
  const password = String(form.get('password') ?? '')
  if (password.length < 8) redirect(`/reset-password?token=${encodeURIComponent(token)}&error=short`)
  const payload = await getPayload({ config })
  let ok = false
  try {
    await payload.resetPassword({ collection: CORE.users, data: { token, password }, overrideAccess: true })
    ok = true
  } catch {
    ok = false
  }
  redirect(ok ? '/sign-in?reset=1' : `/reset-password?token=${encodeURIComponent(token)}&error=invalid`)
}
