'use client'
/** The code, its QR code and the arrivals, fetched every few seconds while the screen is open. */
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

type Code = { code: string; expiresAt: string; url: string }

export function RotatingCode({ sessionId, labels }: { sessionId: string; labels: { arrived: string; changesIn: string } }) {
  const [code, setCode] = useState<Code | null>(null)
  const [qr, setQr] = useState('')
  const [arrivals, setArrivals] = useState<{ arrived: number; enrolled: number } | null>(null)
  const [error, setError] = useState('')
  const [now, setNow] = useState(Date.now())

  useEffect(() => {
    let stopped = false
    const refresh = async () => {
      try {
        const [c, a] = await Promise.all([fetch(`/api/camp-sessions/${sessionId}/check-in-code`), fetch(`/api/camp-sessions/${sessionId}/arrivals`)])
        if (!c.ok) throw new Error(((await c.json()) as { errors?: Array<{ message: string }> }).errors?.[0]?.message ?? c.statusText)
        const next = (await c.json()) as Code
        if (stopped) return
        setCode(next)
        setQr(await QRCode.toString(next.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
        if (a.ok) setArrivals(await a.json())
        setError('')
      } catch (e) {
        if (!stopped) setError((e as Error).message)
      }
    }
    void refresh()
    const poll = setInterval(refresh, 3000)
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      stopped = true
      clearInterval(poll)
      clearInterval(tick)
    }
  }, [sessionId])

  const seconds = code ? Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000)) : 0
  return (
    <div className="rotating-code">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {code && (
        <>
          <p className="code" id="check-in-code" aria-live="polite">
            {code.code}
          </p>
          <div className="qr" role="img" aria-label={code.url} dangerouslySetInnerHTML={{ __html: qr }} />
          <p className="muted">{labels.changesIn.replace('{seconds}', String(seconds))}</p>
        </>
      )}
      {arrivals && (
        <p className="arrivals" id="arrivals" aria-live="polite">
          {labels.arrived.replace('{arrived}', String(arrivals.arrived)).replace('{enrolled}', String(arrivals.enrolled))}
        </p>
      )}
    </div>
  )
}
