import { requirePortalPlugin, type SearchParams } from '../../portal/session'
import { CataloguePage } from '../../../plugins/open-courses/portal/CataloguePage'
import { titleFrom } from '../../portal/pageTitle'
import { openCoursesLabels } from '../../../plugins/open-courses/translations/portal'

export const generateMetadata = titleFrom(openCoursesLabels, 'catalogueTitle')

export default async function Home(props: { searchParams: SearchParams }) {
  await requirePortalPlugin('open-courses')
  return <CataloguePage {...props} />
}
