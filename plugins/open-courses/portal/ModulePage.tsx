/**
 * Studying one module: its Lexical content (Payload's own renderer), its video, or its H5P
 * package in the sandboxed player frame whose statements the relay sends to the xAPI endpoint;
 * the course's progress, moving as statements are recorded; previous and next module.
 */
import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import Script from 'next/script'
import type { PayloadRequest } from 'payload'
import { cache } from 'react'
import { MODULE_KINDS } from '../../../collections/Modules'
import { CORE } from '../../../collections/slugs'
import { fill, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { pageTitle } from '../../../src/portal/pageTitle'
import { portalContext, portalRequest, requireUser } from '../../../src/portal/session'
import { PLAYER_FRAME_SANDBOX } from '../h5p/contentIsolation'
import { PLAYER_RELAY_SCRIPT, PLAYER_SETTINGS_ID, type PlayerSettings } from '../h5p/playerRelay'
import { scriptJson } from '../endpoints/embedPackage'
import { openCoursesLabels } from '../translations/portal'
import { isStudying, loadCourseView, progressByModule } from './courseView'

type Doc = Record<string, any>

/** The module as the visitor may read it, cached for the request: the title and the page read it once. */
const readModule = cache(async (req: PayloadRequest, id: string) => (await req.payload.findByID({ collection: CORE.modules, id, depth: 1, req, overrideAccess: false, disableErrors: true })) as Doc | null)

/**
 * The module page's title: the module's own. Signed out, the page sends the visitor to sign in,
 * and a module they may not read answers 404: neither is decided here.
 */
export async function moduleMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { lang, user } = await portalContext()
  const module = user ? await readModule(await portalRequest(), (await params).id) : null
  return pageTitle(module ? localized(module.title, module.titleEn, lang) : pick(openCoursesLabels, lang).moduleTitle)
}

export async function ModulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const context = await requireUser(`/modules/${id}`)
  const { payload, user, lang } = context
  const t = pick(openCoursesLabels, lang)
  const req = await portalRequest()
  const module = await readModule(req, id)
  if (!module) notFound()
  const courseId = typeof module.course === 'object' ? module.course.id : module.course
  const view = await loadCourseView(context, req, String(courseId))
  const { course, modules, enrollment } = view
  const title = localized(module.title, module.titleEn, lang)
  const courseTitle = localized(course.title, course.titleEn, lang)
  const backLink = (
    <p>
      <a href={`/courses/${course.id}`}>
        ← {t.backToCourse}: {courseTitle}
      </a>
    </p>
  )
  if (!enrollment || !isStudying(enrollment)) {
    return (
      <article>
        {backLink}
        <h1>{title}</h1>
        <p className="notice">{t.enrolFirst}</p>
      </article>
    )
  }
  const at = modules.findIndex((m) => String(m.id) === String(module.id))
  const previous = at > 0 ? modules[at - 1] : undefined
  const next = at >= 0 && at < modules.length - 1 ? modules[at + 1] : undefined
  const done = progressByModule(view.progress).get(String(module.id))
  const percent = Math.round(enrollment.progress ?? 0)
  const h = await headers()
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host')}`
  const settings: PlayerSettings = {
    activity: `${origin}/modules/${module.id}`,
    mbox: `mailto:${user.email}`,
    onOpen: module.kind === 'lesson' ? 'experienced' : undefined,
    enrollmentUrl: `/api/${CORE.enrollments}/${enrollment.id}?depth=0`,
    labels: { recorded: `${t.recorded} ({verb})`, notRecorded: t.notRecorded, progress: t.progressOf },
  }
  const contentOrigin: string = payload.config.custom?.openCoursesPortal?.h5pContentOrigin ?? ''
  const packageId = module.h5pPackage && typeof module.h5pPackage === 'object' ? module.h5pPackage.id : module.h5pPackage
  const video = module.video && typeof module.video === 'object' ? (module.video as Doc) : null
  return (
    <article>
      {backLink}
      <h1>{title}</h1>
      <div className="actions">
        <span className="badge">{optionLabel(MODULE_KINDS, module.kind, lang)}</span>
        <span className="badge">{module.required === false ? t.optional : t.required}</span>
        <span className={done ? 'badge ok' : 'badge'}>{done ? t.moduleDone : t.moduleNotDone}</span>
      </div>
      <div className="panel">
        <label>
          {t.progress}
          <progress id="course-progress" max={100} value={percent} />
        </label>
        <p id="course-progress-text" aria-live="polite">
          {fill(t.progressOf, { percent })}
        </p>
      </div>
      {module.content && (
        <div className="panel rich-text">
          <RichText data={module.content} />
        </div>
      )}
      {video?.url && (
        <div className="panel">
          <video id="module-video" controls preload="metadata" src={video.url}>
            <track kind="captions" />
          </video>
        </div>
      )}
      {module.kind === 'h5p' && packageId && (
        <iframe id="h5p-player" className="player-frame" title={title} sandbox={PLAYER_FRAME_SANDBOX} src={`${contentOrigin}/api/h5p-packages/${encodeURIComponent(String(packageId))}/embed`} />
      )}
      {!module.content && !video && !packageId && <p className="muted">{t.noContent}</p>}
      <p id="xapi-status" role="status" aria-live="polite" />
      <nav className="module-nav" aria-label={t.syllabus}>
        {previous ? <a href={`/modules/${previous.id}`}>← {t.previousModule}: {localized(previous.title, previous.titleEn, lang)}</a> : <span />}
        {next ? (
          <a href={`/modules/${next.id}`} id="next-module">
            {t.nextModule}: {localized(next.title, next.titleEn, lang)} →
          </a>
        ) : (
          <a href={`/courses/${course.id}`}>{t.backToCourse}</a>
        )}
      </nav>
      <script type="application/json" id={PLAYER_SETTINGS_ID} dangerouslySetInnerHTML={{ __html: scriptJson(settings) }} />
      {/* After hydration, so that React has settled the page the relay works on. */}
      <Script id={`player-relay-${module.id}`} strategy="afterInteractive" dangerouslySetInnerHTML={{ __html: PLAYER_RELAY_SCRIPT }} />
    </article>
  )
}
