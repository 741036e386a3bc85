import { requirePortalPlugin } from '../../../portal/session'
import { VerifyPage } from '../../../../plugins/credits/portal/VerifyPage'

export default async function Verify() {
  await requirePortalPlugin('credits')
  return <VerifyPage />
}
