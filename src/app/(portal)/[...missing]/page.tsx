/* Any path no page claims: the portal's own 404, inside its frame and language. */
import { notFound } from 'next/navigation'

export default function Missing() {
  notFound()
}
