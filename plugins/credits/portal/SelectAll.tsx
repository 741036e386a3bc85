'use client'
/**
 * The waiting list's "select all": ticks or clears every record's box in its form, on this page,
 * and follows them: ticked when all are, mixed (indeterminate) when some are.
 */
import { useEffect, useRef } from 'react'

const recordBoxes = (form: HTMLFormElement | null | undefined) => [...(form?.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=record]') ?? [])]

export function SelectAll({ label }: { label: string }) {
  const box = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const header = box.current
    const form = header?.form
    if (!header || !form) return
    const follow = (event?: Event) => {
      if (event?.target === header) return
      const boxes = recordBoxes(form)
      const ticked = boxes.filter((b) => b.checked).length
      header.checked = boxes.length > 0 && ticked === boxes.length
      header.indeterminate = ticked > 0 && ticked < boxes.length
    }
    follow()
    form.addEventListener('change', follow)
    return () => form.removeEventListener('change', follow)
  }, [])
  return (
    <label className="select-all">
      <input
        ref={box}
        type="checkbox"
        id="select-all"
        onChange={(event) => {
          const { checked, form } = event.currentTarget
          for (const record of recordBoxes(form)) record.checked = checked
        }}
      />{' '}
      {label}
    </label>
  )
}
