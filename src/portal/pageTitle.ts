/**
 * Every portal page has a title of its own, in the visitor's language (WCAG 2.4.2): a route file
 * exports `generateMetadata` from here. Pages of one document (a course, a module) name it
 * instead, from the same cached read as the page. The site's name is added here rather than by a
 * layout's title template, which does not reach the catalogue at `/` (the layout's own segment).
 */
import type { Metadata } from 'next'
import { type Labels, pick, SITE_NAME } from './i18n'
import { portalContext } from './session'

export const pageTitle = (name: string): Metadata => ({ title: { absolute: `${name} · ${SITE_NAME}` } })

export const titleFrom =
  <T extends Record<string, string>>(labels: Labels<T>, key: keyof T) =>
  async (): Promise<Metadata> =>
    pageTitle(pick(labels, (await portalContext()).lang)[key])
