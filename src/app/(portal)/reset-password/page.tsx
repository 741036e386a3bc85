export { ResetPasswordPage as default } from '../../../portal/pages/ResetPasswordPage'
import { titleFrom } from '../../../portal/pageTitle'
import { portalLabels } from '../../../portal/translations'

export const generateMetadata = titleFrom(portalLabels, 'resetTitle')
