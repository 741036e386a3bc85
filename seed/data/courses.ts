/**
 * Demo courses: featured courses co-developed by a university and an enterprise, an open course,
 * practice and political-education courses, as the policy documents describe them.
 */
export type DemoModule = {
  title: string
  kind: 'lesson' | 'video' | 'h5p' | 'quiz'
  text: string
  required?: boolean
  /** An H5P package of seed/h5p/ that the module plays. */
  h5p?: string
}

export type DemoCourse = {
  code: string
  title: string
  titleEn: string
  summary: string
  summaryEn: string
  organization: string
  partners: string[]
  /** Demo author account; unset where the owning organisation has none among the demo users. */
  author?: string
  discipline: string
  language: 'zh' | 'en' | 'bilingual'
  credits: number
  hours: number
  creditCategory: 'course' | 'practice' | 'political-education' | 'training-camp'
  grading: { scheme: 'percentage' | 'five-level'; passMark?: number }
  /** Shown first in the catalogue. */
  featured?: boolean
  modules: DemoModule[]
}

export const courses: DemoCourse[] = [
  {
    code: 'LP-ROBOT-101',
    title: '工业机器人系统集成',
    titleEn: 'Industrial Robot System Integration',
    summary: '由高校与智能装备企业共同开发的研究生特色课程，面向智能制造产线的机器人选型、集成与调试。',
    summaryEn: 'A featured graduate course co-developed with an intelligent-equipment maker: selecting, integrating and commissioning robots on smart production lines.',
    organization: 'songshan-univ',
    partners: ['songshan-robotics'],
    author: 'author@lianpei.demo',
    discipline: 'engineering',
    language: 'zh',
    credits: 2,
    hours: 32,
    creditCategory: 'course',
    grading: { scheme: 'percentage', passMark: 60 },
    featured: true,
    modules: [
      { title: '智能制造与工业机器人概论', kind: 'lesson', text: '松山湖科学城智能制造产业现状，工业机器人的分类与典型应用。' },
      { title: '机器人工作站集成案例', kind: 'video', text: '企业导师讲解一条 3C 产品装配线的机器人工作站集成全过程。' },
      { title: '单元测验：坐标系与运动学', kind: 'quiz', text: '检验对机器人坐标系、正逆运动学的理解。' },
    ],
  },
  {
    code: 'LP-REE-201',
    title: '稀土功能材料前沿',
    titleEn: 'Frontiers of Rare-Earth Functional Materials',
    summary: '面向“世界稀土之都”产业需求，校企联合讲授稀土永磁、发光与催化材料的研发与产业化。',
    summaryEn: 'Rare-earth permanent-magnet, luminescent and catalytic materials from lab to industry, taught jointly with a rare-earth group.',
    organization: 'baotou-univ',
    partners: ['lucheng-materials'],
        discipline: 'engineering',
    language: 'zh',
    credits: 2,
    hours: 32,
    creditCategory: 'course',
    grading: { scheme: 'percentage', passMark: 60 },
    modules: [
      { title: '稀土资源与产业链概览', kind: 'lesson', text: '白云鄂博矿区资源禀赋与稀土产业链上下游。' },
      { title: '稀土永磁材料的制备', kind: 'video', text: '烧结钕铁硼生产线现场教学。' },
      { title: '课程小测', kind: 'quiz', text: '稀土元素性质与材料应用。' },
    ],
  },
  {
    code: 'LP-DATA-301',
    title: '大数据工程实践',
    titleEn: 'Big Data Engineering in Practice',
    summary: '以企业真实数据平台项目为载体的实践课程，学生在企业导师指导下完成数据管道与分析任务。',
    summaryEn: 'A practice course built on a real enterprise data-platform project, guided by an enterprise mentor.',
    organization: 'rongcheng-univ',
    partners: ['tianfu-software'],
    author: 'author2@lianpei.demo',
    discipline: 'engineering',
    language: 'bilingual',
    credits: 3,
    hours: 48,
    creditCategory: 'practice',
    grading: { scheme: 'five-level' },
    modules: [
      { title: '项目需求与数据治理', kind: 'lesson', text: '项目背景、数据标准与数据安全要求。' },
      { title: '流式数据管道搭建', kind: 'lesson', text: '在企业测试环境中搭建实时数据管道。' },
      { title: '项目答辩', kind: 'lesson', text: '校企双导师共同参加的项目答辩。' },
    ],
  },
  {
    code: 'LP-ETH-101',
    title: '研究生学术规范与科研伦理',
    titleEn: 'Academic Integrity and Research Ethics',
    summary: '面向全体联合培养研究生的必修课程，讲授学术规范、科研诚信与知识产权保护。',
    summaryEn: 'Required of every jointly trained graduate student: academic norms, research integrity and intellectual property.',
    organization: 'songshan-univ',
    partners: [],
    author: 'author@lianpei.demo',
    discipline: 'interdisciplinary',
    language: 'zh',
    credits: 1,
    hours: 16,
    creditCategory: 'political-education',
    grading: { scheme: 'percentage', passMark: 60 },
    modules: [
      { title: '学术不端行为的界定', kind: 'lesson', text: '抄袭、伪造、篡改等学术不端行为的认定与处理。' },
      { title: '专利、软件著作权与成果转化', kind: 'lesson', text: '联合培养中的知识产权归属与成果转化。' },
      { title: '科研伦理测验', kind: 'quiz', text: '科研伦理案例分析。' },
    ],
  },
  {
    code: 'LP-PV-202',
    title: '绿色硅材料与光伏工程',
    titleEn: 'Green Silicon Materials and Photovoltaic Engineering',
    summary: '围绕“世界绿色硅都”建设，讲授多晶硅、单晶硅制备及光伏组件工程。',
    summaryEn: 'Polysilicon and monocrystalline silicon production and photovoltaic module engineering.',
    organization: 'baotou-univ',
    partners: ['lucheng-materials'],
        discipline: 'engineering',
    language: 'zh',
    credits: 1.5,
    hours: 24,
    creditCategory: 'course',
    grading: { scheme: 'percentage', passMark: 60 },
    modules: [
      { title: '硅材料产业与双碳目标', kind: 'lesson', text: '光伏产业链与能源转型。' },
      { title: '单晶硅拉制工艺', kind: 'video', text: '企业车间拉晶工艺讲解。' },
      { title: '光伏电站运维', kind: 'lesson', text: '光伏电站的运行维护与数字化管理。', required: false },
    ],
  },
  {
    code: 'LP-PM-210',
    title: '产教融合项目管理',
    titleEn: 'Managing Industry–Education Projects',
    summary: '面向研究生与企业导师的项目管理课程：需求对接、过程管理与成果评价。',
    summaryEn: 'Project management for graduate students and enterprise mentors: matching needs, running projects, assessing results.',
    organization: 'rongcheng-univ',
    partners: ['tianfu-software', 'songshan-robotics'],
    author: 'author2@lianpei.demo',
    discipline: 'management',
    language: 'zh',
    credits: 1,
    hours: 16,
    creditCategory: 'course',
    grading: { scheme: 'five-level' },
    modules: [
      { title: '校企合作项目的立项', kind: 'lesson', text: '从企业技术需求到联合培养项目。' },
      { title: '双导师协同指导', kind: 'lesson', text: '高校导师与企业导师的分工与协作。' },
      { title: '成果评价与学分认定', kind: 'lesson', text: '联合培养评价结果纳入高校学分管理。' },
    ],
  },
  {
    code: 'LP-POL-101',
    title: '新时代产业报国专题',
    titleEn: 'Serving the Nation through Industry in the New Era',
    summary: '结合大湾区与西部产业发展实践的思政教育专题课程。',
    summaryEn: 'A political-education course grounded in the industrial development of the Greater Bay Area and western China.',
    organization: 'songshan-univ',
    partners: [],
    author: 'author@lianpei.demo',
    discipline: 'law',
    language: 'zh',
    credits: 0.5,
    hours: 8,
    creditCategory: 'political-education',
    grading: { scheme: 'five-level' },
    modules: [
      { title: '创新驱动发展战略', kind: 'lesson', text: '科技自立自强与高层次人才培养。' },
      { title: '走进松山湖科学城', kind: 'video', text: '实地探访大科学装置与新型研发机构。' },
    ],
  },
  {
    code: 'LP-SAFE-101',
    title: '智能工厂安全生产基础',
    titleEn: 'Safety in the Smart Factory',
    summary: '校企共建的在线开放课程：智能工厂的安全生产法规与现场规范，配有 H5P 互动练习，学完即可获得学分。',
    summaryEn: 'An open course built by a university and an enterprise: safety law and shop-floor rules of the smart factory, with an H5P exercise; finishing it earns credits.',
    organization: 'songshan-univ',
    partners: ['songshan-robotics'],
    author: 'author@lianpei.demo',
    discipline: 'engineering',
    language: 'zh',
    credits: 1,
    hours: 8,
    creditCategory: 'course',
    grading: { scheme: 'percentage', passMark: 60 },
    featured: true,
    modules: [
      { title: '安全生产法规概述', kind: 'lesson', text: '《安全生产法》对企业与实习学生的要求，智能工厂中的主要风险点。' },
      { title: '互动练习：安全知识判断题', kind: 'h5p', text: '判断下列说法是否正确，提交后即可看到结果。', h5p: 'true-false.h5p' },
    ],
  },
]
