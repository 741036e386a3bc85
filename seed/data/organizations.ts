/**
 * Demo organisations. The names are invented but drawn from the places the policy documents in
 * shared/seeds/ speak of: Dongguan's Songshan Lake science city, Chengdu's universities, and
 * Baotou's rare-earth and green-silicon industries.
 */
export type DemoOrganization = {
  key: string
  kind: 'university' | 'enterprise' | 'agency'
  name: string
  nameEn: string
  code: string
  contact: { name: string; email: string; phone: string }
}

export const organizations: DemoOrganization[] = [
  {
    key: 'songshan-univ',
    kind: 'university',
    name: '松山湖科技大学',
    nameEn: 'Songshan Lake University of Science and Technology',
    code: '19001',
    contact: { name: '陈立群', email: 'yjsy@sslust.demo', phone: '0769-22860001' },
  },
  {
    key: 'rongcheng-univ',
    kind: 'university',
    name: '蓉城理工大学',
    nameEn: 'Rongcheng University of Technology',
    code: '19002',
    contact: { name: '李蓉', email: 'grad@rcut.demo', phone: '028-87650002' },
  },
  {
    key: 'baotou-univ',
    kind: 'university',
    name: '包头稀土工程学院',
    nameEn: 'Baotou Institute of Rare Earth Engineering',
    code: '19003',
    contact: { name: '巴特尔', email: 'jwc@btiree.demo', phone: '0472-51230003' },
  },
  {
    key: 'songshan-robotics',
    kind: 'enterprise',
    name: '松山湖智能装备有限公司',
    nameEn: 'Songshan Lake Intelligent Equipment Co., Ltd.',
    code: '91441900MA51LP0011',
    contact: { name: '黄志强', email: 'hr@sslie.demo', phone: '0769-22890011' },
  },
  {
    key: 'tianfu-software',
    kind: 'enterprise',
    name: '天府数智软件股份有限公司',
    nameEn: 'Tianfu Digital Software Co., Ltd.',
    code: '91510100MA62LP0022',
    contact: { name: '王晓川', email: 'edu@tfds.demo', phone: '028-85120022' },
  },
  {
    key: 'lucheng-materials',
    kind: 'enterprise',
    name: '鹿城稀土新材料集团有限公司',
    nameEn: 'Lucheng Rare Earth New Materials Group',
    code: '91150200MA0NLP0033',
    contact: { name: '张海峰', email: 'talent@lcrem.demo', phone: '0472-68880033' },
  },
  {
    key: 'base-office',
    kind: 'agency',
    name: '松山湖研究生联合培养基地管理中心',
    nameEn: 'Songshan Lake Joint Graduate Training Base Office',
    code: '12441900MB2C000018',
    contact: { name: '刘敏', email: 'office@lianpei.demo', phone: '0769-22800000' },
  },
]
