import { requirePortalPlugin, type SearchParams } from '../../../../portal/session'
import { CheckInPage } from '../../../../../plugins/camps/portal/CheckInPage'

export default async function CheckIn({ searchParams }: { searchParams: SearchParams }) {
  await requirePortalPlugin('camps')
  return <CheckInPage searchParams={searchParams} />
}
