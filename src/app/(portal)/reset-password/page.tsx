export { ResetPasswordPage as default } from '../../../portal/pages/ResetPasswordPage'
