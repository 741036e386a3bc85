import { requirePortalPlugin, type SearchParams } from '../../../portal/session'
import { RegistrarPage } from '../../../../plugins/credits/portal/RegistrarPage'
import { titleFrom } from '../../../portal/pageTitle'
import { creditLabels } from '../../../../plugins/credits/translations/portal'

export const generateMetadata = titleFrom(creditLabels, 'registrarTitle')

export default async function Registrar(props: { searchParams: SearchParams }) {
  await requirePortalPlugin('credits')
  return <RegistrarPage {...props} />
}
