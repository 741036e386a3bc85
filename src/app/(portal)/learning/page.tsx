import { requirePortalPlugin } from '../../../portal/session'
import { LearningPage } from '../../../../plugins/open-courses/portal/LearningPage'
import { titleFrom } from '../../../portal/pageTitle'
import { openCoursesLabels } from '../../../../plugins/open-courses/translations/portal'

export const generateMetadata = titleFrom(openCoursesLabels, 'learningTitle')

export default async function Learning() {
  await requirePortalPlugin('open-courses')
  return <LearningPage />
}
