import { requirePortalPlugin, type SearchParams } from '../../../portal/session'
import { RegistrarPage } from '../../../../plugins/credits/portal/RegistrarPage'

export default async function Registrar(props: { searchParams: SearchParams }) {
  await requirePortalPlugin('credits')
  return <RegistrarPage {...props} />
}
