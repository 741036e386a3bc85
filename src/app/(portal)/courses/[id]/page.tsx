import { requirePortalPlugin, type SearchParams } from '../../../../portal/session'
import { CoursePage } from '../../../../../plugins/open-courses/portal/CoursePage'

export default async function Course(props: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await requirePortalPlugin('open-courses')
  return <CoursePage {...props} />
}
