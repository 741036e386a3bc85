export { ForgotPasswordPage as default } from '../../../portal/pages/ForgotPasswordPage'
