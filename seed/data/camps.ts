/**
 * Demo programmes: a political-education programme with a knowledge contest and a vocational
 * training camp, each with sessions in the past (attendance taken) and coming up. Times are in
 * days and hours from the day the demo is seeded.
 */
export type DemoSession = { title: string; kind: 'lecture' | 'activity' | 'visit' | 'contest'; inDays: number; atHour: number; hours: number; place?: string; onlineLink?: string; speaker?: string }
export type DemoCamp = {
  code: string
  title: string
  titleEn: string
  kind: 'political-education' | 'thematic-camp' | 'vocational-camp'
  organization: string
  partners: string[]
  summary: string
  startsInDays: number
  endsInDays: number
  capacity: number
  credits: number
  hours: number
  creditCategory: 'political-education' | 'training-camp'
  minAttendanceRate: number
  minContestScore?: number
  sessions: DemoSession[]
  learners: string[]
  /** Per past session, each learner's status, in the order of `learners`. */
  attendance: Array<Array<'present' | 'late' | 'absent' | 'excused'>>
  contest?: { title: string; timeLimitSeconds: number; questions: Array<{ text: string; kind: 'single' | 'multiple' | 'true-false'; points: number; choices: Array<[string, boolean]> }>; scores: Array<{ learner: string; right: number; seconds: number }> }
}

export const demoCamps: DemoCamp[] = [
  {
    code: 'PE-2026-AUT',
    title: '新时代研究生思政课堂（2026 秋季）',
    titleEn: 'Political education for graduate students, autumn 2026',
    kind: 'political-education',
    organization: 'base-office',
    partners: ['songshan-univ'],
    summary: '围绕党的二十大精神、科学家精神和工匠精神开展专题讲座、现场教学和知识竞赛，把思想政治教育融入联合培养全过程。',
    startsInDays: -20,
    endsInDays: 30,
    capacity: 200,
    credits: 1,
    hours: 16,
    creditCategory: 'political-education',
    minAttendanceRate: 75,
    minContestScore: 60,
    sessions: [
      { title: '学习贯彻党的二十大精神专题讲座', kind: 'lecture', inDays: -14, atHour: 14, hours: 2, place: '松山湖研究生联合培养基地学术报告厅', speaker: '基地思政教研室' },
      { title: '科学家精神与科研诚信', kind: 'lecture', inDays: -7, atHour: 14, hours: 2, place: '松山湖研究生联合培养基地学术报告厅', speaker: '松山湖科技大学马克思主义学院' },
      { title: '走进智能制造企业：工匠精神现场教学', kind: 'visit', inDays: 3, atHour: 9, hours: 3, place: '松山湖智能装备有限公司', speaker: '黄志强' },
      { title: '二十大精神知识竞赛', kind: 'contest', inDays: 10, atHour: 19, hours: 1, onlineLink: 'https://lianpei.demo/camps' },
    ],
    learners: ['student@lianpei.demo', 'student2@lianpei.demo', 'student3@lianpei.demo', 'student4@lianpei.demo'],
    attendance: [
      ['present', 'present', 'late', 'absent'],
      ['present', 'excused', 'present', 'present'],
    ],
    contest: {
      title: '二十大精神知识竞赛（练习场）',
      timeLimitSeconds: 600,
      questions: [
        { text: '党的二十大报告提出，教育、科技、人才是全面建设社会主义现代化国家的什么支撑？', kind: 'single', points: 1, choices: [['基础性、战略性支撑', true], ['根本性、全局性支撑', false], ['决定性支撑', false]] },
        { text: '以下哪些属于新发展理念？', kind: 'multiple', points: 2, choices: [['创新', true], ['协调', true], ['绿色', true], ['封闭', false]] },
        { text: '产教融合、校企合作是深化研究生培养模式改革的重要途径。', kind: 'true-false', points: 1, choices: [['对', true], ['错', false]] },
      ],
      scores: [
        { learner: 'student@lianpei.demo', right: 3, seconds: 212 },
        { learner: 'student2@lianpei.demo', right: 3, seconds: 305 },
        { learner: 'student3@lianpei.demo', right: 2, seconds: 180 },
      ],
    },
  },
  {
    code: 'VC-2026-IM',
    title: '智能制造职业训练营',
    titleEn: 'Smart manufacturing vocational camp',
    kind: 'vocational-camp',
    organization: 'songshan-robotics',
    partners: ['songshan-univ'],
    summary: '企业导师带队的两周职业训练营：产线安全、机器人编程与调试、项目复盘。',
    startsInDays: -5,
    endsInDays: 9,
    capacity: 40,
    credits: 2,
    hours: 48,
    creditCategory: 'training-camp',
    minAttendanceRate: 80,
    sessions: [
      { title: '开营与产线安全培训', kind: 'activity', inDays: -4, atHour: 9, hours: 3, place: '松山湖智能装备实训中心', speaker: '黄志强' },
      { title: '工业机器人编程实操', kind: 'activity', inDays: -2, atHour: 9, hours: 6, place: '松山湖智能装备实训中心', speaker: '黄志强' },
      { title: '产线调试项目实战', kind: 'activity', inDays: 2, atHour: 9, hours: 6, place: '松山湖智能装备 3 号产线' },
      { title: '结营答辩与复盘', kind: 'lecture', inDays: 8, atHour: 14, hours: 3, place: '松山湖科技大学工程训练中心' },
    ],
    learners: ['student@lianpei.demo', 'student2@lianpei.demo'],
    attendance: [
      ['present', 'present'],
      ['present', 'late'],
    ],
  },
]
