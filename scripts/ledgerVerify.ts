/**
 * `npm run ledger:verify [-- --university <code>]`: walks every university's credit-record and
 * event chains (or one university's), checks every link and every signed checkpoint against the
 * published keys, and names the first record, event or checkpoint that breaks each chain. Exits 1
 * when any chain is broken, so a cron job or a monitoring check can run it.
 */
import { getPayload } from 'payload'
import config from '../payload.config'
import { CORE } from '../collections/slugs'
import { credentialKeys } from '../src/credentials/keys'
import { ledgerChains } from '../plugins/credits/ledger/checkpoint'
import { verifyChain } from '../plugins/credits/ledger/verifyLedger'

const at = process.argv.indexOf('--university')
const code = at === -1 ? undefined : process.argv[at + 1]
if (at !== -1 && !code) {
  process.stderr.write('usage: npm run ledger:verify -- [--university <院校代码>]\n')
  process.exit(2)
}
const payload = await getPayload({ config })
let chains = await ledgerChains(payload)
if (code !== undefined) {
  chains = chains.filter((c) => c.university?.code === code)
  if (chains.length === 0) {
    const { totalDocs } = await payload.count({ collection: CORE.organizations, where: { code: { equals: code } }, overrideAccess: true })
    process.stderr.write(totalDocs ? `organisation ${code} is not a university\n` : `no university with code ${code}\n`)
    process.exit(2)
  }
}
const jwks = (await credentialKeys(payload.config)()).jwks
let broken = 0
const started = Date.now()
for (const { chain, university } of chains) {
  const report = await verifyChain(payload, chain, jwks)
  if (report.records === 0 && report.events === 0 && report.checkpoints === 0 && code === undefined) continue
  const name = university ? `${university.name} (${university.code ?? university.id})` : 'learners without a university'
  const counts = `${report.records} records, ${report.events} events, ${report.checkpoints} checkpoints`
  if (!report.break) {
    process.stdout.write(`ok      ${name}: ${counts}\n`)
    continue
  }
  broken++
  const b = report.break
  const where = b.kind === 'record' ? `record ${b.id} (sequence ${b.sequence})` : b.kind === 'event' ? `event ${b.id} (position ${b.position})` : `checkpoint ${b.id}`
  process.stdout.write(`BROKEN  ${name}: ${counts}\n        first break: ${where}: ${b.problem}\n`)
}
process.stdout.write(`${broken === 0 ? 'every chain holds' : `${broken} chain${broken === 1 ? '' : 's'} broken`} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
await payload.destroy()
process.exit(broken === 0 ? 0 : 1)
