import { requirePortalPlugin } from '../../../portal/session'
import { MentorPage } from '../../../../plugins/mentor-training/portal/MentorPage'
import { titleFrom } from '../../../portal/pageTitle'
import { mentorLabels } from '../../../../plugins/mentor-training/translations/portal'

export const generateMetadata = titleFrom(mentorLabels, 'mentorTitle')

export default async function Mentor() {
  await requirePortalPlugin('mentor-training')
  return <MentorPage />
}
