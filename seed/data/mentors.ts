/**
 * Demo mentor training: a track per tier and a renewal track, and mentors of every tier and
 * status. `certifiedDaysAgo` walks a mentor's training that many days in the past, so that one
 * certification ends within 30 days and one has already ended.
 */
export type DemoTrack = { code: string; title: string; titleEn: string; tier: string; purpose: 'initial' | 'renewal'; courses: string[]; minHours: number; offline: Array<{ key: string; title: string; kind: 'workshop' | 'site-visit' }> }

export const demoTracks: DemoTrack[] = [
  { code: 'MT-IP', title: '产业教授岗前培训', titleEn: 'Industry professor induction', tier: 'industry-professor', purpose: 'initial', courses: ['LP-ETH-101', 'LP-PM-210'], minHours: 32, offline: [{ key: 'workshop', title: '研究生培养制度工作坊', kind: 'workshop' }] },
  { code: 'MT-IM', title: '产业导师岗前培训', titleEn: 'Industry mentor induction', tier: 'industry-mentor', purpose: 'initial', courses: ['LP-ETH-101', 'LP-SAFE-101'], minHours: 24, offline: [{ key: 'workshop', title: '双导师协同指导工作坊', kind: 'workshop' }] },
  { code: 'MT-IL', title: '产业讲师岗前培训', titleEn: 'Industry lecturer induction', tier: 'industry-lecturer', purpose: 'initial', courses: ['LP-SAFE-101'], minHours: 8, offline: [{ key: 'site-visit', title: '高校课堂观摩', kind: 'site-visit' }] },
  { code: 'MT-DS', title: '博士生导师校企联合指导培训', titleEn: 'Doctoral supervisor joint-supervision training', tier: 'doctoral-supervisor', purpose: 'initial', courses: ['LP-ETH-101'], minHours: 16, offline: [{ key: 'site-visit', title: '合作企业现场考察', kind: 'site-visit' }] },
  { code: 'MT-MS', title: '硕士生导师校企联合指导培训', titleEn: 'Master’s supervisor joint-supervision training', tier: 'masters-supervisor', purpose: 'initial', courses: ['LP-ETH-101'], minHours: 16, offline: [{ key: 'site-visit', title: '合作企业现场考察', kind: 'site-visit' }] },
  { code: 'MT-IM-R', title: '产业导师认证续期培训', titleEn: 'Industry mentor renewal', tier: 'industry-mentor', purpose: 'renewal', courses: ['LP-POL-101'], minHours: 8, offline: [] },
]

export type DemoMentor = {
  email: string
  kind: 'university' | 'enterprise'
  tier: string
  organization: string
  expertise: string[]
  bio: string
  maxStudents: number
  /** Where the demo leaves them. */
  status: 'applicant' | 'in-training' | 'certified' | 'suspended' | 'expired'
  certifiedDaysAgo?: number
}

export const demoMentors: DemoMentor[] = [
  { email: 'mentor@lianpei.demo', kind: 'enterprise', tier: 'industry-mentor', organization: 'songshan-robotics', expertise: ['工业机器人', '产线集成', '机器视觉'], bio: '松山湖智能装备研发总监，十五年机器人系统集成经验。', maxStudents: 4, status: 'certified', certifiedDaysAgo: 30 },
  { email: 'mentor2@lianpei.demo', kind: 'university', tier: 'masters-supervisor', organization: 'songshan-univ', expertise: ['智能制造', '控制工程'], bio: '松山湖科技大学机械工程学院副教授。', maxStudents: 6, status: 'certified', certifiedDaysAgo: 200 },
  { email: 'mentor3@lianpei.demo', kind: 'university', tier: 'doctoral-supervisor', organization: 'rongcheng-univ', expertise: ['大数据', '工业互联网'], bio: '蓉城理工大学计算机学院教授。', maxStudents: 5, status: 'certified', certifiedDaysAgo: 400 },
  { email: 'mentor4@lianpei.demo', kind: 'enterprise', tier: 'industry-professor', organization: 'tianfu-software', expertise: ['工业大数据', '数字孪生', 'digital twin'], bio: '天府数智软件首席架构师，产业教授。', maxStudents: 3, status: 'certified', certifiedDaysAgo: 36 * 30.4 - 20 },
  { email: 'mentor5@lianpei.demo', kind: 'enterprise', tier: 'industry-lecturer', organization: 'lucheng-materials', expertise: ['稀土永磁', '材料检测'], bio: '鹿城稀土新材料工艺工程师。', maxStudents: 2, status: 'in-training' },
  { email: 'mentor6@lianpei.demo', kind: 'enterprise', tier: 'industry-mentor', organization: 'tianfu-software', expertise: ['软件工程', '项目管理'], bio: '申请加入导师库。', maxStudents: 3, status: 'applicant' },
  { email: 'mentor7@lianpei.demo', kind: 'enterprise', tier: 'industry-mentor', organization: 'lucheng-materials', expertise: ['光伏材料'], bio: '因年度评价偏低暂停指导。', maxStudents: 3, status: 'suspended', certifiedDaysAgo: 500 },
  { email: 'mentor8@lianpei.demo', kind: 'enterprise', tier: 'industry-lecturer', organization: 'songshan-robotics', expertise: ['设备维护'], bio: '认证已过期，待续期。', maxStudents: 2, status: 'expired', certifiedDaysAgo: 37 * 30.4 },
]

/** Dual mentors (双导师) for the demo students: one university and one enterprise mentor each. */
export const demoAssignments: Array<{ student: string; mentor: string; reason: string }> = [
  { student: 'student@lianpei.demo', mentor: 'mentor2@lianpei.demo', reason: '校内导师，课题方向为智能产线调度' },
  { student: 'student@lianpei.demo', mentor: 'mentor@lianpei.demo', reason: '企业导师，负责工程实践与产线项目' },
  { student: 'student2@lianpei.demo', mentor: 'mentor2@lianpei.demo', reason: '校内导师' },
  { student: 'student2@lianpei.demo', mentor: 'mentor@lianpei.demo', reason: '企业导师' },
  { student: 'student3@lianpei.demo', mentor: 'mentor3@lianpei.demo', reason: '校内导师，工业大数据方向' },
  { student: 'student3@lianpei.demo', mentor: 'mentor4@lianpei.demo', reason: '企业导师，产业教授' },
]
