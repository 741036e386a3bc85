import { requirePortalPlugin, type SearchParams } from '../../../portal/session'
import { RegistryPage } from '../../../../plugins/mentor-training/portal/RegistryPage'
import { titleFrom } from '../../../portal/pageTitle'
import { mentorLabels } from '../../../../plugins/mentor-training/translations/portal'

export const generateMetadata = titleFrom(mentorLabels, 'registryTitle')

export default async function Mentors({ searchParams }: { searchParams: SearchParams }) {
  await requirePortalPlugin('mentor-training')
  return <RegistryPage searchParams={searchParams} />
}
