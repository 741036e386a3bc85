import { requirePortalPlugin, type SearchParams } from '../../../../portal/session'
import { CoursePage, courseMetadata } from '../../../../../plugins/open-courses/portal/CoursePage'

export async function generateMetadata(props: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('open-courses')
  return courseMetadata(props)
}

export default async function Course(props: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await requirePortalPlugin('open-courses')
  return <CoursePage {...props} />
}
