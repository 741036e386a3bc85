'use client'
/** Starts or resumes an attempt, shows the questions and the time left by the server's deadline, and submits. */
import { useEffect, useState } from 'react'

type Question = { id: string; text: string; kind: 'single' | 'multiple' | 'true-false'; points: number; choices: Array<{ id: string; text: string }> }
type Attempt = { id: string | number; deadline: string }
type Labels = { start: string; submit: string; timeLeft: string; score: string; timeUp: string; leaderboard: string }

const messageOf = async (res: Response) => ((await res.json().catch(() => ({}))) as { errors?: Array<{ message: string }> }).errors?.[0]?.message ?? res.statusText

export function ContestRunner({ contestId, labels }: { contestId: string; labels: Labels }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null)
  const [questions, setQuestions] = useState<Question[]>([])
  const [chosen, setChosen] = useState<Record<string, string[]>>({})
  const [result, setResult] = useState<{ score: number } | null>(null)
  const [error, setError] = useState('')
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(tick)
  }, [])

  const start = async () => {
    const res = await fetch(`/api/contests/${contestId}/start`, { method: 'POST' })
    if (!res.ok) return setError(await messageOf(res))
    const body = (await res.json()) as { attempt: Attempt; questions: Question[] }
    setAttempt(body.attempt)
    setQuestions(body.questions)
    setError('')
  }
  const choose = (q: Question, choice: string, on: boolean) =>
    setChosen((c) => ({ ...c, [q.id]: q.kind === 'multiple' ? (on ? [...(c[q.id] ?? []), choice] : (c[q.id] ?? []).filter((x) => x !== choice)) : [choice] }))
  const submit = async () => {
    if (!attempt) return
    const answers = questions.map((q) => ({ question: q.id, choices: chosen[q.id] ?? [] }))
    const res = await fetch(`/api/contests/${contestId}/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ attempt: attempt.id, answers }) })
    if (!res.ok) return setError(await messageOf(res))
    setResult(await res.json())
  }

  if (result) {
    return (
      <p className="success" role="status" id="contest-score">
        {labels.score.replace('{score}', String(result.score))} · <a href={`/camps/contests/${contestId}/leaderboard`}>{labels.leaderboard}</a>
      </p>
    )
  }
  const left = attempt ? Math.max(0, Math.floor((Date.parse(attempt.deadline) - now) / 1000)) : 0
  return (
    <div className="contest">
      {error && (
        <p className="error" role="alert" id="contest-error">
          {error}
        </p>
      )}
      {!attempt && (
        <button type="button" id="start-contest" onClick={start}>
          {labels.start}
        </button>
      )}
      {attempt && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <p className="timer" id="time-left" aria-live="off">
            {left > 0 ? `${labels.timeLeft} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : labels.timeUp}
          </p>
          <ol className="questions">
            {questions.map((q) => (
              <li key={q.id}>
                <fieldset>
                  <legend>{q.text}</legend>
                  {q.choices.map((c) => (
                    <label key={c.id} className="choice">
                      <input type={q.kind === 'multiple' ? 'checkbox' : 'radio'} name={q.id} value={c.id} onChange={(e) => choose(q, c.id, e.target.checked)} /> {c.text}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="submit" id="submit-contest">
            {labels.submit}
          </button>
        </form>
      )}
    </div>
  )
}
