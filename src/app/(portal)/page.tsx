import { requirePortalPlugin, type SearchParams } from '../../portal/session'
import { CataloguePage } from '../../../plugins/open-courses/portal/CataloguePage'

export default async function Home(props: { searchParams: SearchParams }) {
  await requirePortalPlugin('open-courses')
  return <CataloguePage {...props} />
}
