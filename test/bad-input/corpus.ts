/**
 * The bad-input corpus (issue 16): requests that must each be refused with a 4xx that says what
 * is wrong, writing nothing. Each generator below is one kind of bad input; together they are the
 * table bad-input.test.ts runs. A case names the request; the runner counts documents before and
 * after it. Add a case where a new kind of input appears.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type Actor = 'anonymous' | 'admin' | 'organizer' | 'author' | 'student' | 'registrarA' | 'registrarB'
export type Ids = { course: number | string; recordA: number | string; session: number | string; camp: number | string; studentMbox: string }
export type Case = {
  name: string
  method: 'get' | 'post' | 'patch' | 'delete'
  path: (ids: Ids) => string
  as?: Actor
  /** A raw string is sent as is, with `contentType`; an object as JSON. */
  body?: string | Record<string, unknown> | unknown[] | ((ids: Ids) => string)
  contentType?: string
  headers?: Record<string, string>
  /** Replaces the actor's Authorization header (forged and expired tokens). */
  authorization?: string | ((secret: string) => Promise<string>)
  file?: { field: string; data: Buffer; name: string }
  status: number[]
}

const XAPI = { 'X-Experience-API-Version': '1.0.3' }
const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/h5p/invalid')

/** Bodies that are not JSON at all, though they say they are. */
const MALFORMED_JSON = ['{', '{"a":', '[1,2', 'nul', '{"a":1,}', "{'a':1}", '{"a":"\\x"}', '1 2', '{"a":1}}', 'undefined', '{"a":NaN}', '{"a":01}']

/** Every JSON-taking endpoint, as the actor that may use it (so that only the body is wrong). */
const JSON_ENDPOINTS: Array<Pick<Case, 'method' | 'path' | 'as' | 'headers'> & { label: string }> = [
  { label: 'create organisation', method: 'post', path: () => '/api/organizations', as: 'admin' },
  { label: 'create course', method: 'post', path: () => '/api/courses', as: 'author' },
  { label: 'update course', method: 'patch', path: (ids) => `/api/courses/${ids.course}`, as: 'admin' },
  { label: 'enrol', method: 'post', path: () => '/api/enrollments', as: 'student' },
  { label: 'record a completion', method: 'post', path: () => '/api/completions', as: 'organizer' },
  { label: 'sign in', method: 'post', path: () => '/api/users/login' },
  { label: 'reset a password', method: 'post', path: () => '/api/users/forgot-password' },
  { label: 'send xAPI statements', method: 'post', path: () => '/api/xapi/statements', as: 'student', headers: XAPI },
  { label: 'acknowledge a credit', method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/acknowledge`, as: 'registrarA' },
  { label: 'correct a credit', method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/correct`, as: 'admin' },
  { label: 'sign ledger checkpoints', method: 'post', path: () => '/api/credit-ledger-checkpoints/sign', as: 'admin' },
  { label: 'check in', method: 'post', path: (ids) => `/api/camp-sessions/${ids.session}/check-in`, as: 'student' },
]

function* malformedJson(): Generator<Case> {
  for (const endpoint of JSON_ENDPOINTS) {
    for (const body of MALFORMED_JSON) {
      yield { ...endpoint, name: `${endpoint.label}: malformed JSON ${JSON.stringify(body)}`, body, contentType: 'application/json', status: [400] }
    }
  }
}

/** Right JSON, wrong values: types, ranges, unknown fields, missing requirements. */
function* wrongValues(): Generator<Case> {
  const each = (label: string, base: Omit<Case, 'name' | 'body' | 'status'>, bodies: Array<Record<string, unknown> | unknown[]>, status = [400]) =>
    bodies.map((body) => ({ ...base, name: `${label}: ${JSON.stringify(body).slice(0, 80)}`, body, status }))
  yield* each('create organisation', { method: 'post', path: () => '/api/organizations', as: 'admin' }, [
    { kind: 5, name: '企业', code: '91441900MA51LP0001' },
    { kind: 'enterprise', name: { zh: '企业' }, code: '91441900MA51LP0001' },
    { kind: 'enterprise', name: '企业', code: ['91441900MA51LP0001'] },
    { kind: 'enterprise', name: '企业' },
    { kind: 'university', name: '大学', code: 'ABC' },
    { kind: 'enterprise', name: '企业', code: '123' },
    { kind: 'planet', name: '星球', code: '91441900MA51LP0001' },
    { kind: 'enterprise', name: '', code: '91441900MA51LP0001' },
    // Text PostgreSQL cannot store (it answered 500; SQLite stored it).
    { kind: 'enterprise', name: '企业\u0000', code: '91441900MA51LP0001' },
    { kind: 'enterprise', name: '企业\ud800', code: '91441900MA51LP0001' },
  ])
  yield* each('create course', { method: 'post', path: () => '/api/courses', as: 'author' }, [
    { title: '课程', code: 'BAD-1', credits: 'two' },
    { title: '课程', code: 'BAD-2', credits: -1 },
    { title: '课程', code: 'BAD-3', credits: 0.3 },
    { title: '课程', code: 'BAD-4', hours: -5 },
    { title: '课程', code: 'BAD-5', grading: { scheme: 'letters' } },
    { title: '课程', code: 'BAD-6', creditCategory: 'moon' },
    { code: 'BAD-7' },
    { title: '课程' },
    { title: '课程', code: 'BAD-9', enrollment: { mode: 'lottery' } },
    { title: '课程', code: 'BAD-10', enrollment: { capacity: -3 } },
    { title: '课程\u0000', code: 'BAD-11' },
    { title: { toString: 0 }, code: 'BAD-13' },
    { title: '课程', code: 'BAD-12', body: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '介绍\udc00' }] }] } } },
  ])
  yield* each('enrol', { method: 'post', path: () => '/api/enrollments', as: 'student' }, [
    { source: { relationTo: 'users', value: 1 } },
    { source: { relationTo: 'courses', value: 999999 } },
    { source: 'courses' },
    {},
    { source: { relationTo: 'courses' } },
  ], [400, 404])
  yield* each('record a completion', { method: 'post', path: () => '/api/completions', as: 'organizer' }, [
    { learner: 999999, source: { relationTo: 'courses', value: 1 }, score: 80 },
    { source: { relationTo: 'courses', value: 1 }, score: 80 },
    { learner: 1, source: { relationTo: 'courses', value: 1 }, score: 101 },
    { learner: 1, source: { relationTo: 'courses', value: 1 }, score: -1 },
    { learner: 1, source: { relationTo: 'courses', value: 1 }, score: 'ninety' },
  ])
  yield* each('acknowledge a credit', { method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/acknowledge`, as: 'registrarA' }, [
    { decision: 'maybe' },
    { decision: 'rejected' },
    { decision: 'accepted', extra: true },
    { decision: 'accepted', reason: 'x'.repeat(1001) },
    { decision: ['accepted'] },
    [],
  ])
  yield* each('correct a credit', { method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/correct`, as: 'admin' }, [
    { reason: '' },
    { reason: '更正', credits: 0.3 },
    { reason: '更正', credits: -1 },
    { reason: '更正', score: 101 },
    { reason: '更正', status: 'accepted' },
    // Every endpoint reading its body with readJsonBody refuses text PostgreSQL cannot store.
    { reason: '更正\u0000', credits: 2 },
    { credits: 2 },
  ])
  yield* each('sign ledger checkpoints', { method: 'post', path: () => '/api/credit-ledger-checkpoints/sign', as: 'admin' }, [{ university: 10486 }, { university: '' }, { chain: '1' }])
  yield* each('check in', { method: 'post', path: (ids) => `/api/camp-sessions/${ids.session}/check-in`, as: 'student' }, [{ code: 'abc' }, { code: 123456789 }, {}, { code: '000000' }], [400, 403, 409])
  yield* each('edit a credit record', { method: 'patch', path: (ids) => `/api/credit-records/${ids.recordA}`, as: 'admin' }, [
    { credits: 10 },
    { score: 100 },
    { status: 'delivered' },
    { status: 'revoked' },
    { hash: 'AAAA' },
    { learnerName: '别人' },
  ])
}

/** Queries a database would run as something else, or that Payload would ignore. */
function* queries(): Generator<Case> {
  const wheres = [
    'where[email][$ne]=x', 'where[email][$gt]=', 'where[$where]=1', 'where[email][$regex]=.*', 'where[$or][0][email][equals]=a',
    'where[name][equals][$gt]=', 'where[name][equals][a]=b', 'where[name][in][0][$ne]=x', 'where[and]=x', 'where[or]=1',
    'where=1', 'where[name]=x', 'where[password][exists]=true', 'where[hash][exists]=true', 'where[salt][equals]=x',
    'limit=abc', 'limit=-1', 'limit=1.5', 'page=0', 'page=x', 'page=99999999999999999999', 'depth=99', 'depth=-1',
  ]
  for (const [collection, as] of [['organizations', 'anonymous'], ['courses', 'student'], ['users', 'admin']] as const) {
    for (const query of wheres) {
      if (collection !== 'users' && /password|hash|salt/.test(query)) continue
      yield { name: `GET /api/${collection}?${query}`, method: 'get', path: () => `/api/${collection}?${query}`, as, status: [400] }
    }
  }
  // Text no database here can store or compare (PostgreSQL refuses U+0000 in a text parameter),
  // and xAPI dates past what PostgreSQL's timestamps hold.
  const texts = [
    ['REST where equals', 'student', '/api/courses?where[title][equals]=a%00b'],
    ['REST where like', 'anonymous', '/api/organizations?where[name][like]=%00'],
    ['REST where in', 'admin', '/api/users?where[email][in][0]=%00'],
    ['catalogue search', 'anonymous', '/api/catalogue?q=%E6%99%BA%00'],
    ['xAPI verb', 'student', '/api/xapi/statements?verb=http://a.test/%00'],
    ['xAPI activity', 'student', '/api/xapi/statements?activity=http://a.test/%00'],
    ['xAPI since past the year 9999', 'student', '/api/xapi/statements?since=10000-01-01T00:00:00Z'],
    ['xAPI until past the year 9999', 'student', '/api/xapi/statements?until=+010000-01-01T00:00:00Z'],
  ] as const
  for (const [label, as, path] of texts) yield { name: `GET ${label}: ${path}`, method: 'get', path: () => path, as, headers: path.includes('xapi') ? XAPI : undefined, status: [400] }
  for (const id of ['abc', '1;drop table users', '../1', '1e3', '0x10', "1' or '1'='1"]) {
    yield { name: `GET /api/courses/${id}`, method: 'get', path: () => `/api/courses/${encodeURIComponent(id)}`, as: 'admin', status: [404] }
    yield { name: `PATCH /api/organizations/${id}`, method: 'patch', path: () => `/api/organizations/${encodeURIComponent(id)}`, as: 'admin', body: { nameEn: 'x' }, status: [400, 404] }
  }
}

/** Tokens nobody issued, or that have run out. */
function* tokens(): Generator<Case> {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const sign = async (secret: string, claims: Record<string, unknown>) => {
    const { SignJWT } = await import('jose')
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret))
  }
  const forged: Array<[string, Case['authorization']]> = [
    ['alg none', `JWT ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ id: 1, collection: 'users', email: 'admin@lianpei.test' })}.`],
    ['another secret', async () => `JWT ${await sign('not-the-platform-secret-0123456789abcdef', { id: 1, collection: 'users', email: 'x@lianpei.test', exp: Math.floor(Date.now() / 1000) + 3600 })}`],
    ['expired', async (secret) => `JWT ${await sign(secret, { id: 1, collection: 'users', email: 'x@lianpei.test', iat: 1_700_000_000, exp: 1_700_000_100 })}`],
    ['garbage', 'JWT abc.def.ghi'],
    ['truncated', async (secret) => `JWT ${(await sign(secret, { id: 1, collection: 'users', exp: Math.floor(Date.now() / 1000) + 3600 })).slice(0, -5)}`],
    ['wrong scheme', 'Bearer abc.def.ghi'],
    ['unknown API key', 'users API-Key 00000000-0000-0000-0000-000000000000'],
  ]
  const targets: Array<Pick<Case, 'method' | 'path' | 'body' | 'headers'> & { label: string; status: number[] }> = [
    { label: 'record a completion', method: 'post', path: () => '/api/completions', body: { learner: 1, source: { relationTo: 'courses', value: 1 }, score: 90 }, status: [401, 403] },
    { label: 'pull the credit feed', method: 'get', path: () => '/api/credit-feed', status: [401, 403] },
    { label: 'send a statement', method: 'post', path: () => '/api/xapi/statements', headers: XAPI, body: { actor: { mbox: 'mailto:a@lianpei.test' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://lianpei.test/a' } }, status: [401, 403] },
    { label: 'download a transcript', method: 'get', path: () => '/api/credit-records/transcript', status: [401, 403] },
    { label: 'create an organisation', method: 'post', path: () => '/api/organizations', body: { kind: 'enterprise', name: '伪造', code: '91441900MA51LP0555' }, status: [401, 403] },
    { label: 'revoke a credit', method: 'patch', path: (ids) => `/api/credit-records/${ids.recordA}`, body: { status: 'revoked', revocationReason: '伪造' }, status: [401, 403, 404] },
  ]
  for (const [label, authorization] of forged) for (const target of targets) yield { ...target, name: `${target.label} with a token: ${label}`, authorization }
}

/** A registrar's credentials used on another university's records. */
function* otherUniversity(): Generator<Case> {
  const as = 'registrarB' as const
  yield { name: 'acknowledge another university’s record', method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/acknowledge`, as, body: { decision: 'accepted' }, status: [403, 404] }
  yield { name: 'reject another university’s record', method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/acknowledge`, as, body: { decision: 'rejected', reason: '不认' }, status: [403, 404] }
  yield { name: 'PATCH another university’s record', method: 'patch', path: (ids) => `/api/credit-records/${ids.recordA}`, as, body: { status: 'accepted' }, status: [403, 404] }
  yield { name: 'read another university’s record', method: 'get', path: (ids) => `/api/credit-records/${ids.recordA}`, as, status: [403, 404] }
  yield { name: 'fetch another university’s credential', method: 'get', path: (ids) => `/api/credit-records/${ids.recordA}/credential`, as, status: [403, 404] }
  yield { name: 'correct a record as a registrar', method: 'post', path: (ids) => `/api/credit-records/${ids.recordA}/correct`, as, body: { reason: '改', credits: 3 }, status: [403] }
  yield { name: 'sign checkpoints as a registrar', method: 'post', path: () => '/api/credit-ledger-checkpoints/sign', as, body: {}, status: [403] }
  yield { name: 'register a webhook for another university', method: 'post', path: () => '/api/credit-webhooks', as, body: { url: 'https://registry.example.edu.cn/hook', secret: 'x'.repeat(32), university: 'A' }, status: [400, 403] }
}

/** xAPI statements the LRS must refuse (xAPI 1.0.3, part two). */
function* xapi(): Generator<Case> {
  // The student's own statements (another's actor is refused before anything else is looked at).
  const ME = '__ME__'
  const ok = { actor: { mbox: ME, objectType: 'Agent' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://lianpei.test/activities/1' } }
  const as = (body: unknown) => (ids: Ids) => JSON.stringify(body).replaceAll(JSON.stringify(ME), JSON.stringify(ids.studentMbox))
  const bad: Array<[string, unknown, Record<string, string>?]> = [
    ['no actor', { verb: ok.verb, object: ok.object }],
    ['no verb', { actor: ok.actor, object: ok.object }],
    ['no object', { actor: ok.actor, verb: ok.verb }],
    ['verb id not an IRI', { ...ok, verb: { id: 'experienced' } }],
    ['object id not an IRI', { ...ok, object: { id: 'activity 1' } }],
    ['mbox without mailto:', { ...ok, actor: { mbox: 'a@lianpei.test' } }],
    ['actor with no identifier', { ...ok, actor: { name: '某人' } }],
    ['scaled score above 1', { ...ok, result: { score: { scaled: 1.5 } } }],
    ['raw score above max', { ...ok, result: { score: { raw: 12, min: 0, max: 10 } } }],
    ['timestamp not ISO 8601', { ...ok, timestamp: 'yesterday' }],
    ['id not a UUID', { ...ok, id: 'not-a-uuid' }],
    ['verb display not a language map', { ...ok, verb: { ...ok.verb, display: 'experienced' } }],
    ['result success not boolean', { ...ok, result: { success: 'yes' } }],
    ['unknown top-level property', { ...ok, colour: 'red' }],
    ['a string', 'statement'],
    ['a number', 42],
    ['an empty list', []],
    ['null', null],
    ['duration not ISO 8601', { ...ok, result: { duration: '5 minutes' } }],
    ['extension key not an IRI', { ...ok, context: { extensions: { colour: 'red' } } }],
    ['no version header', ok, {}],
    ['version 0.95', ok, { 'X-Experience-API-Version': '0.95' }],
    ['version 2.0.0', ok, { 'X-Experience-API-Version': '2.0.0' }],
  ]
  for (const [label, body, headers] of bad) {
    yield { name: `xAPI: ${label}`, method: 'post', path: () => '/api/xapi/statements', as: 'student', headers: headers ?? XAPI, body: as(body), contentType: 'application/json', status: [400] }
  }
  yield { name: 'xAPI: too many in one request', method: 'post', path: () => '/api/xapi/statements', as: 'student', headers: XAPI, body: as(Array.from({ length: 1001 }, () => ok)), status: [400, 413] }
  yield { name: 'xAPI: one bad statement in a batch refuses the batch', method: 'post', path: () => '/api/xapi/statements', as: 'student', headers: XAPI, body: as([ok, { ...ok, verb: { id: 'x' } }]), status: [400] }
}

/** Every invalid H5P package in the shared fixtures, uploaded by an author. */
function* h5pPackages(): Generator<Case> {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.h5p'))) {
    yield { name: `H5P package: ${file}`, method: 'post', path: () => '/api/h5p-packages', as: 'author', file: { field: 'file', data: readFileSync(path.join(FIXTURES, file)), name: file }, status: [400, 413, 415, 422] }
  }
  yield { name: 'H5P package: not a zip at all', method: 'post', path: () => '/api/h5p-packages', as: 'author', file: { field: 'file', data: Buffer.from('<html>not a package</html>'), name: 'page.h5p' }, status: [400, 415, 422] }
  yield { name: 'H5P package: no file', method: 'post', path: () => '/api/h5p-packages', as: 'author', body: { title: '无文件' }, status: [400] }
}

/** Bodies larger than the limit. */
function* oversized(): Generator<Case> {
  const big = 'x'.repeat(1100 * 1024)
  for (const endpoint of JSON_ENDPOINTS.slice(0, 6)) {
    yield { ...endpoint, name: `${endpoint.label}: a JSON body over the size limit`, body: JSON.stringify({ name: big, title: big, email: big }), contentType: 'application/json', status: [413] }
  }
}

export const CORPUS: Case[] = [...malformedJson(), ...wrongValues(), ...queries(), ...tokens(), ...otherUniversity(), ...xapi(), ...h5pPackages(), ...oversized()]
