/* The learner portal's root layout: the same Next.js app as the admin panel, its own frame. */
import type { Metadata } from 'next'
import type React from 'react'
import { portalContext } from '../../portal/session'
import { Shell } from '../../portal/Shell'
import '../../portal/portal.css'

export const metadata: Metadata = { title: { default: '联培 LianPei', template: '%s · 联培 LianPei' } }
export const dynamic = 'force-dynamic'

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { lang } = await portalContext()
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <Shell>{children}</Shell>
      </body>
    </html>
  )
}
