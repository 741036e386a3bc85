export { SignInPage as default } from '../../../portal/pages/SignInPage'
