/* The learner portal's root layout: the same Next.js app as the admin panel, its own frame. */
import type { Metadata } from 'next'
import type React from 'react'
import { SITE_NAME } from '../../portal/i18n'
import { PortalLang } from '../../portal/PortalLang'
import { portalContext } from '../../portal/session'
import { Shell } from '../../portal/Shell'
import '../../portal/portal.css'

export const metadata: Metadata = { title: SITE_NAME }
// The phone-width viewport tag is Next's own default (width=device-width, initial-scale=1): a second one in <head> would repeat it.
export const dynamic = 'force-dynamic'

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { lang } = await portalContext()
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        <Shell>
          <PortalLang lang={lang}>{children}</PortalLang>
        </Shell>
      </body>
    </html>
  )
}
