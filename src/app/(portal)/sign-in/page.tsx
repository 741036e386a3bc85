export { SignInPage as default } from '../../../portal/pages/SignInPage'
import { titleFrom } from '../../../portal/pageTitle'
import { portalLabels } from '../../../portal/translations'

export const generateMetadata = titleFrom(portalLabels, 'signInTitle')
