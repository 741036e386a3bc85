'use client'
/**
 * The current page carried along (`?next=`, `?back=`, or a form's `next`), so that signing in or
 * out, or switching the language, returns the visitor to where they were.
 */
import { usePathname, useSearchParams } from 'next/navigation'
import type React from 'react'

function useHere(): string {
  const pathname = usePathname()
  const query = useSearchParams().toString()
  return query ? `${pathname}?${query}` : pathname
}

export function ReturnLink({ href, param, children, ...rest }: { href: string; param: 'next' | 'back'; children: React.ReactNode } & React.AnchorHTMLAttributes<HTMLAnchorElement>) {
  const here = useHere()
  const separator = href.includes('?') ? '&' : '?'
  return (
    <a href={`${href}${separator}${param}=${encodeURIComponent(here)}`} {...rest}>
      {children}
    </a>
  )
}

/** A form's hidden `next` field: the page the form was sent from. */
export function ReturnField() {
  return <input type="hidden" name="next" value={useHere()} />
}
