import { requirePortalPlugin } from '../../../../portal/session'
import { ModulePage } from '../../../../../plugins/open-courses/portal/ModulePage'

export default async function Module(props: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('open-courses')
  return <ModulePage {...props} />
}
