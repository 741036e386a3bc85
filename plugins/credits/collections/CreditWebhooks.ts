import { randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import type { CollectionConfig, Validate } from 'payload'
import { claimForOwnOrganization } from '../../../collections/hooks/claimForOwnOrganization'
import { zhEn } from '../../../collections/i18n'
import { universityRegistrarAccess } from '../access'
import { universityField } from '../universityField'
import { CREDIT_SLUGS } from '../constants'
import { hostOf, type OutboundGuard } from '../../../src/http/outboundGuard'
import { say } from '../../../src/i18n/say'

const ASK_ADMIN = {
  zh: '如需推送到校园网内的地址，请平台管理员在 WEBHOOK_ALLOWED_NETWORKS 中放行该网段',
  en: 'to deliver inside a campus network, ask the platform administrator to allow it in WEBHOOK_ALLOWED_NETWORKS',
}

/**
 * An http(s) URL whose host the outbound guard allows: a literal address that is not internal, or
 * a name that resolves to at least one allowed address (delivery connects only to those, and
 * checks again on every connection). Names are resolved on save, not as the admin form is typed in.
 */
const receiverUrl =
  (guard: OutboundGuard): Validate =>
  async (value, { req, event }) => {
    let url: URL
    try {
      url = new URL(String(value))
    } catch {
      return say(req, `接收地址不是有效的 URL："${String(value ?? '')}"`, `url is not a valid URL: "${String(value ?? '')}"`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return say(req, `接收地址必须以 http:// 或 https:// 开头（收到 ${url.protocol}）`, `url must be http:// or https:// (got ${url.protocol})`)
    }
    const host = hostOf(url)
    if (event === 'onChange' && !isIP(host)) return true
    const check = await guard.checkHost(host)
    if (check.ok) return true
    if (check.reason === 'forbidden-address') {
      return say(
        req,
        `接收地址 ${host} 是本机、内网、链路本地或其他内部地址，不允许推送；${ASK_ADMIN.zh}`,
        `url host ${host} is a loopback, private, link-local or other internal address, which webhooks may not reach; ${ASK_ADMIN.en}`,
      )
    }
    if (check.reason === 'resolves-to-forbidden') {
      return say(
        req,
        `接收地址的主机 ${host} 只解析到本机、内网、链路本地或其他内部地址，不允许推送；${ASK_ADMIN.zh}`,
        `url host ${host} resolves only to loopback, private, link-local or other internal addresses, which webhooks may not reach; ${ASK_ADMIN.en}`,
      )
    }
    return say(
      req,
      `无法解析接收地址的主机 ${host}（DNS 查询失败：${check.detail}），请检查地址`,
      `url host ${host} could not be resolved (DNS lookup failed: ${check.detail}); check the address`,
    )
  }

/** A university's receiver: each new record of its students is POSTed there, signed. */
export const createCreditWebhooksCollection = (guard: OutboundGuard): CollectionConfig => ({
  slug: CREDIT_SLUGS.webhooks,
  labels: { singular: zhEn('学分推送地址', 'Credit webhook'), plural: zhEn('学分推送地址', 'Credit webhooks') },
  admin: { group: zhEn('学分', 'Credits'), useAsTitle: 'url', defaultColumns: ['url', 'university', 'active'] },
  access: universityRegistrarAccess(),
  hooks: { beforeChange: [claimForOwnOrganization('university')] },
  fields: [
    universityField(),
    {
      name: 'url',
      type: 'text',
      required: true,
      label: zhEn('接收地址', 'Receiver URL'),
      admin: {
        description: zhEn(
          '不能是本机、内网、链路本地等内部地址（平台管理员可用 WEBHOOK_ALLOWED_NETWORKS 放行校园网网段）',
          'Not a loopback, private, link-local or other internal address (the platform administrator can allow a campus network with WEBHOOK_ALLOWED_NETWORKS)',
        ),
      },
      validate: receiverUrl(guard),
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      defaultValue: () => randomBytes(24).toString('hex'),
      label: zhEn('签名密钥', 'Signing secret'),
      admin: { description: zhEn('用于校验 X-LianPei-Signature 请求头', 'Verifies the X-LianPei-Signature header') },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: zhEn('启用', 'Active') },
  ],
})
