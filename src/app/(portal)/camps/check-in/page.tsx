import { requirePortalPlugin, type SearchParams } from '../../../../portal/session'
import { CheckInPage } from '../../../../../plugins/camps/portal/CheckInPage'
import { titleFrom } from '../../../../portal/pageTitle'
import { campLabels } from '../../../../../plugins/camps/translations/portal'

export const generateMetadata = titleFrom(campLabels, 'checkInTitle')

export default async function CheckIn({ searchParams }: { searchParams: SearchParams }) {
  await requirePortalPlugin('camps')
  return <CheckInPage searchParams={searchParams} />
}
