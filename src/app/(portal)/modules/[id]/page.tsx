import { requirePortalPlugin } from '../../../../portal/session'
import { ModulePage, moduleMetadata } from '../../../../../plugins/open-courses/portal/ModulePage'

export async function generateMetadata(props: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('open-courses')
  return moduleMetadata(props)
}

export default async function Module(props: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('open-courses')
  return <ModulePage {...props} />
}
