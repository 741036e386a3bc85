import type { Field } from 'payload'
import { zhEn } from '../i18n'
import { LEARNING_SOURCE_FIELD } from '../learningSources'
import { CORE } from '../slugs'

/** learner, source and their unique key: the identity of an enrolment and of a completion. */
export const learnerSourceFields = (): Field[] => [
  {
    name: 'learner',
    type: 'relationship',
    relationTo: CORE.users,
    required: true,
    index: true,
    label: zhEn('学习者', 'Learner'),
  },
  {
    name: LEARNING_SOURCE_FIELD,
    type: 'relationship',
    relationTo: [CORE.courses],
    required: true,
    label: zhEn('学习项目', 'Source'),
  },
  {
    name: 'key',
    type: 'text',
    unique: true,
    index: true,
    admin: { hidden: true },
    access: { update: () => false },
  },
]
