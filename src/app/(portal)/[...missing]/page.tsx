/* Any path no page claims: the portal's own 404, inside its frame and language. */
import { notFound } from 'next/navigation'
import { titleFrom } from '../../../portal/pageTitle'
import { portalLabels } from '../../../portal/translations'

export const generateMetadata = titleFrom(portalLabels, 'notFoundTitle')

export default function Missing() {
  notFound()
}
