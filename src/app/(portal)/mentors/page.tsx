import { requirePortalPlugin, type SearchParams } from '../../../portal/session'
import { RegistryPage } from '../../../../plugins/mentor-training/portal/RegistryPage'

export default async function Mentors({ searchParams }: { searchParams: SearchParams }) {
  await requirePortalPlugin('mentor-training')
  return <RegistryPage searchParams={searchParams} />
}
