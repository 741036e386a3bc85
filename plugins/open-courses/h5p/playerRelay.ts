/**
 * The script of a page that plays a module: it relays the sandboxed H5P frame's xAPI statements
 * to POST /api/xapi/statements, bound to the signed-in learner and the module's activity id
 * (the frame speaks for the content, not for the learner or the clock), records a lesson as
 * experienced when it is opened and a video as completed when it has been watched to the end,
 * and shows the course's progress moving. Shared by GET /api/modules/:id/play and the portal.
 *
 * It reads its settings from `<script type="application/json" id="lianpei-player">`; the page
 * holds `#h5p-player` (the frame), `#xapi-status`, and optionally `#module-video` and
 * `#course-progress` / `#course-progress-text`.
 */
export type PlayerSettings = {
  /** The module's activity id, `<origin>/modules/<id>`. */
  activity: string
  mbox: string
  /** A statement to send once the page is open (a lesson: experienced). */
  onOpen?: 'experienced'
  /** Where the learner's enrolment is read after a statement, to show the progress move. */
  enrollmentUrl?: string
  labels: { recorded: string; notRecorded: string; progress?: string }
}

export const PLAYER_SETTINGS_ID = 'lianpei-player'

export const PLAYER_RELAY_SCRIPT = `(() => {
  const settings = JSON.parse(document.getElementById('${PLAYER_SETTINGS_ID}').textContent);
  const frame = document.getElementById('h5p-player');
  const status = document.getElementById('xapi-status');
  const fill = (text, values) => text.replace(/\\{(\\w+)\\}/g, (whole, key) => key in values ? String(values[key]) : whole);
  const showProgress = async () => {
    if (!settings.enrollmentUrl) return;
    const response = await fetch(settings.enrollmentUrl, { credentials: 'same-origin' });
    if (!response.ok) return;
    const percent = Math.round((await response.json()).progress || 0);
    const bar = document.getElementById('course-progress');
    const text = document.getElementById('course-progress-text');
    if (bar) bar.value = percent;
    if (text && settings.labels.progress) text.textContent = fill(settings.labels.progress, { percent });
  };
  const send = async (statement) => {
    statement.actor = { objectType: 'Agent', mbox: settings.mbox };
    const response = await fetch('/api/xapi/statements', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify(statement),
    });
    const verb = String(statement.verb.id).split('/').pop();
    if (status) status.textContent = response.ok ? fill(settings.labels.recorded, { verb }) : fill(settings.labels.notRecorded, { status: response.status });
    if (response.ok) await showProgress();
  };
  const own = (verb) => ({ verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb }, object: { objectType: 'Activity', id: settings.activity } });
  if (settings.onOpen) send(own(settings.onOpen));
  const video = document.getElementById('module-video');
  if (video) video.addEventListener('ended', () => send(own('completed')), { once: true });
  if (!frame) return;
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
    if (event.data.type === 'lianpei:resize' && Number.isFinite(event.data.height)) {
      frame.style.height = Math.min(Math.max(event.data.height, 320), 4000) + 'px';
      return;
    }
    if (event.data.type !== 'lianpei:xapi') return;
    const statement = event.data.statement;
    if (!statement || typeof statement !== 'object' || !statement.verb || !statement.object || typeof statement.object.id !== 'string') return;
    const sub = (statement.object.id.match(/[?&]subContentId=[^&#]+/) || [''])[0].replace('&', '?');
    for (const field of ['id', 'timestamp', 'stored', 'authority', 'version']) delete statement[field];
    statement.object.id = settings.activity + sub;
    send(statement);
  });
})();`
