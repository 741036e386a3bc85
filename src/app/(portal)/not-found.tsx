export { NotFoundPage as default } from '../../portal/pages/NotFoundPage'
