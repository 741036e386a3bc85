export { ForgotPasswordPage as default } from '../../../portal/pages/ForgotPasswordPage'
import { titleFrom } from '../../../portal/pageTitle'
import { portalLabels } from '../../../portal/translations'

export const generateMetadata = titleFrom(portalLabels, 'forgotTitle')
