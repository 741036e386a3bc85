'use client'
/**
 * The visitor's language for client components that are given no props by Next.js (the 500
 * page): the layout provides it, so the server's HTML and the browser's agree.
 */
import { createContext, type ReactNode, useContext } from 'react'
import type { Lang } from './i18n'

const PortalLangContext = createContext<Lang>('zh')

export function PortalLang({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <PortalLangContext.Provider value={lang}>{children}</PortalLangContext.Provider>
}

export const usePortalLang = (): Lang => useContext(PortalLangContext)
