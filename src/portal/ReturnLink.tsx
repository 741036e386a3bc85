'use client'
/**
 * A link that carries the current page along (`?next=` or `?back=`), so signing in or switching
 * the language returns the visitor to where they were.
 */
import { usePathname, useSearchParams } from 'next/navigation'
import type React from 'react'

export function ReturnLink({ href, param, children, ...rest }: { href: string; param: 'next' | 'back'; children: React.ReactNode } & React.AnchorHTMLAttributes<HTMLAnchorElement>) {
  const pathname = usePathname()
  const query = useSearchParams().toString()
  const here = query ? `${pathname}?${query}` : pathname
  const separator = href.includes('?') ? '&' : '?'
  return (
    <a href={`${href}${separator}${param}=${encodeURIComponent(here)}`} {...rest}>
      {children}
    </a>
  )
}
