import type { Role } from '../../src/access'

/** Every demo account has this password; the README lists them. */
export const DEMO_PASSWORD = 'demo1234'

export type DemoUser = {
  email: string
  /** The display name, the user's to edit. */
  name: string
  /** The name on credit records (学籍姓名); when left out, the name. */
  officialName?: string
  roles: Role[]
  organization: string
  homeUniversity?: string
  studentNumber?: string
  apiKey?: string
}

export const users: DemoUser[] = [
  { email: 'admin@lianpei.demo', name: '平台管理员', roles: ['admin'], organization: 'base-office' },
  { email: 'author@lianpei.demo', name: '周文博', roles: ['author'], organization: 'songshan-univ' },
  { email: 'reviewer@lianpei.demo', name: '孙振华', roles: ['reviewer'], organization: 'rongcheng-univ' },
  { email: 'reviewer2@lianpei.demo', name: '何建国', roles: ['reviewer'], organization: 'baotou-univ' },
  { email: 'reviewer3@lianpei.demo', name: '郑雅琴', roles: ['reviewer'], organization: 'tianfu-software' },
  { email: 'reviewer4@lianpei.demo', name: '钱立群', roles: ['reviewer'], organization: 'base-office' },
  { email: 'reviewer5@lianpei.demo', name: '包玉兰', roles: ['reviewer'], organization: 'lucheng-materials' },
  { email: 'mentor@lianpei.demo', name: '黄志强', roles: ['mentor'], organization: 'songshan-robotics' },
  { email: 'mentor2@lianpei.demo', name: '陈静怡', roles: ['mentor'], organization: 'songshan-univ' },
  { email: 'mentor3@lianpei.demo', name: '李国栋', roles: ['mentor'], organization: 'rongcheng-univ' },
  { email: 'mentor4@lianpei.demo', name: '赵明远', roles: ['mentor'], organization: 'tianfu-software' },
  { email: 'mentor5@lianpei.demo', name: '其其格', roles: ['mentor'], organization: 'lucheng-materials' },
  { email: 'mentor6@lianpei.demo', name: '吴晓峰', roles: ['mentor'], organization: 'tianfu-software' },
  { email: 'mentor7@lianpei.demo', name: '郭宏伟', roles: ['mentor'], organization: 'lucheng-materials' },
  { email: 'mentor8@lianpei.demo', name: '罗丽华', roles: ['mentor'], organization: 'songshan-robotics' },
  {
    email: 'student@lianpei.demo',
    // Goes by a nickname on the platform; the university's records know her by her official name.
    name: '晓彤',
    officialName: '林晓彤',
    roles: ['student'],
    organization: 'songshan-univ',
    homeUniversity: 'songshan-univ',
    studentNumber: '2024110101',
  },
  { email: 'organizer@lianpei.demo', name: '刘敏', roles: ['organizer'], organization: 'base-office' },
  {
    email: 'registrar@lianpei.demo',
    name: '陈立群',
    roles: ['registrar'],
    organization: 'songshan-univ',
    apiKey: 'lianpei-demo-registrar-key',
  },
  {
    email: 'registrar2@lianpei.demo',
    name: '李蓉',
    roles: ['registrar'],
    organization: 'rongcheng-univ',
    apiKey: 'lianpei-demo-registrar2-key',
  },
  // More students, so that catalogues, enrolments and feeds have some life in them.
  { email: 'student2@lianpei.demo', name: '马俊杰', roles: ['student'], organization: 'songshan-univ', homeUniversity: 'songshan-univ', studentNumber: '2024110102' },
  { email: 'student3@lianpei.demo', name: '杨思雨', roles: ['student'], organization: 'rongcheng-univ', homeUniversity: 'rongcheng-univ', studentNumber: '2024220301' },
  { email: 'student4@lianpei.demo', name: '乌云娜', roles: ['student'], organization: 'baotou-univ', homeUniversity: 'baotou-univ', studentNumber: '2024330501' },
  { email: 'author2@lianpei.demo', name: '王晓川', roles: ['author'], organization: 'tianfu-software' },
  { email: 'author3@lianpei.demo', name: '高娜仁', roles: ['author'], organization: 'baotou-univ' },
]
