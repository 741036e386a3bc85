import { requirePortalPlugin } from '../../../portal/session'
import { MentorPage } from '../../../../plugins/mentor-training/portal/MentorPage'

export default async function Mentor() {
  await requirePortalPlugin('mentor-training')
  return <MentorPage />
}
