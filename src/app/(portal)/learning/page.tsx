import { requirePortalPlugin } from '../../../portal/session'
import { LearningPage } from '../../../../plugins/open-courses/portal/LearningPage'

export default async function Learning() {
  await requirePortalPlugin('open-courses')
  return <LearningPage />
}
