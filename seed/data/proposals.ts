/**
 * Demo featured-course rounds: the 2025 round, decided and funded (the two featured courses of the
 * catalogue came out of it), and the 2026 round, open, with proposals in several states.
 * Dates of the open round are relative to the day the demo is seeded.
 */
export type DemoRound = {
  key: string
  title: string
  titleEn: string
  budget: number
  /** Fixed dates of a past round, or days from today for an open one. */
  window: { opensAt: string; closesAt: string } | { opensInDays: number; closesInDays: number }
}

export type DemoProposal = {
  round: string
  course: string
  title: string
  lead: string
  partners: string[]
  createdBy: string
  team: Array<{ name: string; role: 'lead' | 'university-teacher' | 'enterprise-expert' | 'instructional-designer'; organization: string; user?: string }>
  innovation: { technology: string; standards: string; processes: string }
  plannedCredits: number
  plannedHours: number
  practiceShare: number
  /** Where the demo leaves it. */
  outcome: 'draft' | 'under-review' | 'revision-requested' | 'approved' | 'rejected'
  /** Each submitted review's score, one per reviewer (fewer than three leaves it under review). */
  scores?: number[]
  decisionComment?: string
  award?: { amount: number; tier: 'school' | 'municipal' | 'provincial'; disbursed: boolean }
}

export const demoRounds: DemoRound[] = [
  { key: '2025', title: '2025 年度产教融合特色课程立项', titleEn: '2025 featured-course round', budget: 500000, window: { opensAt: '2025-03-01T00:00:00.000Z', closesAt: '2025-05-31T15:59:59.000Z' } },
  { key: '2026', title: '2026 年度产教融合特色课程立项', titleEn: '2026 featured-course round', budget: 600000, window: { opensInDays: -20, closesInDays: 45 } },
]

export const demoProposals: DemoProposal[] = [
  {
    round: '2025',
    course: 'LP-ROBOT-101',
    title: '工业机器人系统集成（校企共建研究生课程）',
    lead: 'songshan-univ',
    partners: ['songshan-robotics'],
    createdBy: 'author@lianpei.demo',
    team: [
      { name: '周文博', role: 'lead', organization: 'songshan-univ', user: 'author@lianpei.demo' },
      { name: '黄志强', role: 'enterprise-expert', organization: 'songshan-robotics', user: 'mentor@lianpei.demo' },
    ],
    innovation: { technology: '协作机器人与机器视觉引导装配', standards: 'GB/T 39116《智能制造能力成熟度模型》', processes: '3C 产品柔性装配线快速换型' },
    plannedCredits: 2,
    plannedHours: 32,
    practiceShare: 50,
    outcome: 'approved',
    scores: [88, 91, 85],
    decisionComment: '校企双方投入充分，实践比例高，同意立项并推荐省级优质课程。',
    award: { amount: 200000, tier: 'provincial', disbursed: true },
  },
  {
    round: '2025',
    course: 'LP-SAFE-101',
    title: '智能工厂安全生产基础',
    lead: 'songshan-univ',
    partners: ['songshan-robotics'],
    createdBy: 'author@lianpei.demo',
    team: [
      { name: '周文博', role: 'lead', organization: 'songshan-univ', user: 'author@lianpei.demo' },
      { name: '黄志强', role: 'enterprise-expert', organization: 'songshan-robotics' },
    ],
    innovation: { technology: '产线安全联锁与人机协作安全', standards: 'GB 11291.2 工业机器人安全要求', processes: '安全作业许可与上锁挂牌' },
    plannedCredits: 1,
    plannedHours: 16,
    practiceShare: 40,
    outcome: 'approved',
    scores: [80, 78, 82],
    decisionComment: '同意立项，校级优质课程。',
    award: { amount: 50000, tier: 'school', disbursed: false },
  },
  {
    round: '2025',
    course: 'LP-REE-201',
    title: '稀土功能材料前沿（企业案例版）',
    lead: 'baotou-univ',
    partners: ['lucheng-materials'],
    createdBy: 'author3@lianpei.demo',
    team: [
      { name: '高娜仁', role: 'lead', organization: 'baotou-univ', user: 'author3@lianpei.demo' },
      { name: '企业工程师', role: 'enterprise-expert', organization: 'lucheng-materials' },
    ],
    innovation: { technology: '稀土永磁材料制备', standards: '', processes: '' },
    plannedCredits: 2,
    plannedHours: 32,
    practiceShare: 10,
    outcome: 'rejected',
    scores: [52, 48, 55],
    decisionComment: '实践教学比例偏低，企业参与不足，本年度不予立项，欢迎修改后下年度再申报。',
  },
  {
    round: '2026',
    course: 'LP-DATA-301',
    title: '工业大数据分析（产教融合版）',
    lead: 'rongcheng-univ',
    partners: ['tianfu-software'],
    createdBy: 'author2@lianpei.demo',
    team: [
      { name: '蓉城大学任课教师', role: 'lead', organization: 'rongcheng-univ' },
      { name: '王晓川', role: 'enterprise-expert', organization: 'tianfu-software', user: 'author2@lianpei.demo' },
    ],
    innovation: { technology: '工业时序数据湖与预测性维护', standards: 'GB/T 37722 信息技术 大数据存储与处理系统功能要求', processes: '数据治理与模型上线流程' },
    plannedCredits: 3,
    plannedHours: 48,
    practiceShare: 45,
    outcome: 'under-review',
    scores: [84, 79],
  },
  {
    round: '2026',
    course: 'LP-PV-202',
    title: '光伏材料与器件（校企共建）',
    lead: 'baotou-univ',
    partners: ['lucheng-materials'],
    createdBy: 'author3@lianpei.demo',
    team: [
      { name: '高娜仁', role: 'lead', organization: 'baotou-univ', user: 'author3@lianpei.demo' },
      { name: '企业工艺工程师', role: 'enterprise-expert', organization: 'lucheng-materials' },
    ],
    innovation: { technology: 'TOPCon 电池工艺', standards: 'IEC 61215 光伏组件设计鉴定', processes: '' },
    plannedCredits: 2,
    plannedHours: 32,
    practiceShare: 30,
    outcome: 'revision-requested',
    scores: [68, 64, 70],
    decisionComment: '请补充企业现场教学安排，并将实践学时占比提高到 40% 以上后再提交。',
  },
  {
    round: '2026',
    course: 'LP-PM-210',
    title: '智能制造项目管理',
    lead: 'rongcheng-univ',
    partners: ['tianfu-software', 'songshan-robotics'],
    createdBy: 'author2@lianpei.demo',
    team: [{ name: '王晓川', role: 'enterprise-expert', organization: 'tianfu-software', user: 'author2@lianpei.demo' }],
    innovation: { technology: '数字孪生项目看板', standards: '', processes: '敏捷与阶段门结合的研发流程' },
    plannedCredits: 2,
    plannedHours: 32,
    practiceShare: 35,
    outcome: 'draft',
  },
]
