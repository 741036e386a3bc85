'use client'
/** The waiting list's "select all": ticks or clears every record's box in its form, on this page. */
export function SelectAll({ label }: { label: string }) {
  return (
    <label className="select-all">
      <input
        type="checkbox"
        id="select-all"
        onChange={(event) => {
          const { checked, form } = event.currentTarget
          for (const box of form?.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=record]') ?? []) box.checked = checked
        }}
      />{' '}
      {label}
    </label>
  )
}
