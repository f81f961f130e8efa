import { type ReactNode, useId, useState } from 'react'
import { dateFromParts } from '@hearth/domain/dates'
import { type FieldKind, humanMessage, problemFor } from './errors'

export { ErrorSummary } from './error-summary'
export { FormScope, useFieldId } from './form-scope'
import { useFieldId } from './form-scope'

/**
 * GOV.UK form fields and the error summary (`error-summary.tsx`), sharing one rule for ids and wording, so every form
 * gets the error pattern for free: the summary takes focus once per failed save, each of its links
 * moves focus to its field, each field shows its own message beside it, worded from its label, and
 * the page title says "Error:" while errors show.
 */

/** The problem and message for one field, and its ids. */
function useField(error: unknown, name: string, field: string | undefined, label: string, kind: FieldKind) {
  const id = useFieldId(field ?? name)
  const problem = problemFor(error, field ?? name)
  return {
    id,
    hintId: `${id}-hint`,
    errId: `${id}-error`,
    message: problem ? humanMessage(label, problem, kind) : undefined,
  }
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  )
}

/** A question of several inputs (radios, checkboxes, a date): fieldset, legend, hint and error. */
function FieldGroup({
  f,
  label,
  hint,
  children,
}: {
  f: ReturnType<typeof useField>
  label: string
  hint?: string
  children: ReactNode
}) {
  return (
    <div className={`govuk-form-group${f.message ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint && f.hintId, f.message && f.errId)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && (
          <div id={f.hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        <FieldError id={f.errId} message={f.message} />
        {children}
      </fieldset>
    </div>
  )
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

interface FieldProps {
  /** The form's name for the field (what FormData reads). */
  name: string
  label: string
  hint?: string
  error?: unknown
  /** The API's name for the field ("family.postcode"), when it differs from `name`. */
  field?: string
  /** What errors call the field when its label is a long question ("the share of phrases"). */
  errorName?: string
}

export function TextField({
  name,
  label,
  hint,
  error,
  field,
  type = 'text',
  defaultValue,
  value,
  onChange,
  autoComplete,
  width = '',
  required,
  kind = 'text',
  inputMode,
  errorName,
}: FieldProps & {
  type?: string
  defaultValue?: string
  value?: string
  onChange?: (value: string) => void
  autoComplete?: string
  width?: 'govuk-input--width-4' | 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | ''
  required?: boolean
  kind?: FieldKind
  inputMode?: 'numeric' | 'decimal' | 'text'
}) {
  const f = useField(error, name, field, errorName ?? label, kind)
  return (
    <div className={`govuk-form-group${f.message ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={f.id}>
        {label}
      </label>
      {hint && (
        <div id={f.hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <FieldError id={f.errId} message={f.message} />
      <input
        className={`govuk-input ${width}${f.message ? ' govuk-input--error' : ''}`}
        id={f.id}
        name={name}
        type={type}
        inputMode={inputMode}
        data-kind={kind}
        data-error-name={errorName}
        {...(onChange ? { value: value ?? '', onChange: (e) => onChange(e.target.value) } : { defaultValue })}
        autoComplete={autoComplete}
        required={required}
        aria-describedby={describedBy(hint && f.hintId, f.message && f.errId)}
      />
    </div>
  )
}

export function TextArea({
  name,
  label,
  hint,
  error,
  field,
  rows = 4,
  defaultValue,
}: FieldProps & { rows?: number; defaultValue?: string }) {
  const f = useField(error, name, field, label, 'text')
  return (
    <div className={`govuk-form-group${f.message ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={f.id}>
        {label}
      </label>
      {hint && (
        <div id={f.hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <FieldError id={f.errId} message={f.message} />
      <textarea
        className={`govuk-textarea${f.message ? ' govuk-textarea--error' : ''}`}
        id={f.id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint && f.hintId, f.message && f.errId)}
      />
    </div>
  )
}

export function SelectField({
  name,
  label,
  hint,
  error,
  field,
  options,
  defaultValue,
  value,
  onChange,
}: FieldProps & {
  options: { value: string; label: string }[]
  defaultValue?: string
  value?: string
  onChange?: (value: string) => void
}) {
  const f = useField(error, name, field, label, 'choice')
  return (
    <div className={`govuk-form-group${f.message ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={f.id}>
        {label}
      </label>
      {hint && (
        <div id={f.hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <FieldError id={f.errId} message={f.message} />
      <select
        className={`govuk-select${f.message ? ' govuk-select--error' : ''}`}
        id={f.id}
        name={name}
        {...(onChange ? { value, onChange: (e) => onChange(e.target.value) } : { defaultValue })}
        aria-describedby={describedBy(hint && f.hintId, f.message && f.errId)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Radios in a fieldset; the first radio carries the field's id, so the summary can reach it. */
export function Radios({
  name,
  label,
  hint,
  error,
  field,
  options,
  defaultValue,
  small = true,
  onChange,
}: FieldProps & {
  options: { value: string; label: string; hint?: string }[]
  defaultValue?: string
  small?: boolean
  onChange?: (value: string) => void
}) {
  const f = useField(error, name, field, label, 'choice')
  return (
    <FieldGroup f={f} label={label} hint={hint}>
      <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}`}>
        {options.map((o, i) => (
          <div className="govuk-radios__item" key={o.value}>
            <input
              className="govuk-radios__input"
              id={i === 0 ? f.id : `${f.id}-${o.value}`}
              name={name}
              type="radio"
              value={o.value}
              defaultChecked={defaultValue === o.value}
              onChange={onChange ? () => onChange(o.value) : undefined}
            />
            <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? f.id : `${f.id}-${o.value}`}>
              {o.label}
            </label>
            {o.hint && <div className="govuk-hint govuk-radios__hint">{o.hint}</div>}
          </div>
        ))}
      </div>
    </FieldGroup>
  )
}

export function Checkboxes({
  name,
  label,
  error,
  field,
  options,
  hint,
  defaultChecked = [],
}: FieldProps & { options: { value: string; label: string }[]; defaultChecked?: string[] }) {
  const f = useField(error, name, field, label, 'choice')
  const uid = useId()
  return (
    <FieldGroup f={f} label={label} hint={hint}>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {options.map((o, i) => (
          <div className="govuk-checkboxes__item" key={o.value}>
            <input
              className="govuk-checkboxes__input"
              id={i === 0 ? f.id : `${uid}-${o.value}`}
              name={name}
              type="checkbox"
              value={o.value}
              defaultChecked={defaultChecked.includes(o.value)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? f.id : `${uid}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </FieldGroup>
  )
}

/** The three boxes of a date input, by the form field's name: `${name}-day`, `-month`, `-year`. */
export function dateFromForm(form: FormData, name: string): string {
  const part = (p: string) => String(form.get(`${name}-${p}`) ?? '')
  return dateFromParts(part('day'), part('month'), part('year'))
}

/**
 * GOV.UK date input: day, month and year in three boxes, in a fieldset whose legend is the
 * question. The day box carries the field's id, so the error summary's link reaches it. Read it
 * with `dateFromForm`, or control it with `value` (ISO) and `onChange`.
 */
export function DateInput({
  name,
  label,
  hint = 'For example, 27 3 2019',
  error,
  field,
  defaultValue,
  value,
  onChange,
}: FieldProps & { defaultValue?: string; value?: string; onChange?: (value: string) => void }) {
  const f = useField(error, name, field, label, 'date')
  const initial = (value ?? defaultValue ?? '').match(/^(\d{4})-(\d{2})-(\d{2})$/)
  const [parts, setParts] = useState({
    day: initial ? String(Number(initial[3])) : '',
    month: initial ? String(Number(initial[2])) : '',
    year: initial ? initial[1]! : '',
  })
  const change = (p: 'day' | 'month' | 'year', v: string) => {
    const next = { ...parts, [p]: v }
    setParts(next)
    onChange?.(dateFromParts(next.day, next.month, next.year))
  }
  const box = (p: 'day' | 'month' | 'year', text: string, width: string) => {
    const id = p === 'day' ? f.id : `${f.id}-${p}`
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={id}>
            {text}
          </label>
          <input
            className={`govuk-input govuk-date-input__input ${width}${f.message ? ' govuk-input--error' : ''}`}
            id={id}
            name={`${name}-${p}`}
            type="text"
            inputMode="numeric"
            data-kind="date"
            value={parts[p]}
            onChange={(e) => change(p, e.target.value)}
          />
        </div>
      </div>
    )
  }
  return (
    <FieldGroup f={f} label={label} hint={hint}>
      <div className="govuk-date-input">
        {box('day', 'Day', 'govuk-input--width-2')}
        {box('month', 'Month', 'govuk-input--width-2')}
        {box('year', 'Year', 'govuk-input--width-4')}
      </div>
    </FieldGroup>
  )
}

const two = (n: number) => String(n).padStart(2, '0')

/** "2026-12-07T14:30" in the browser's own time, for a moment given as ISO (or '' for none). */
export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`
}

type TimeParts = { day: string; month: string; year: string; hour: string; minute: string }

/** The five boxes as "2026-12-07T14:30", or '' while any is empty or they make no real moment. */
export function dateTimeFromParts(p: TimeParts): string {
  const date = dateFromParts(p.day, p.month, p.year)
  const h = p.hour.trim()
  const m = p.minute.trim()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{1,2}$/.test(h) || !/^\d{1,2}$/.test(m)) return ''
  if (Number(h) > 23 || Number(m) > 59) return ''
  return `${date}T${two(Number(h))}:${two(Number(m))}`
}

/** The date and time boxes of `DateTimeInput`, read from a form as "2026-12-07T14:30" (or ''). */
export function dateTimeFromForm(form: FormData, name: string): string {
  const part = (p: string) => String(form.get(`${name}-${p}`) ?? '')
  return dateTimeFromParts({
    day: part('day'),
    month: part('month'),
    year: part('year'),
    hour: part('hour'),
    minute: part('minute'),
  })
}

/**
 * GOV.UK date input with the time beside it: day, month and year, then hour and minute on the
 * 24-hour clock, in one fieldset whose legend is the question (never the browser's own picker,
 * which shows 12/07/2026 02:30 PM). The form reads `name` as "2026-12-07T14:30" in the browser's
 * own time (a hidden field kept in step), or '' until the boxes make a real moment; the day box
 * carries the field's id, so the error summary's link reaches it.
 */
export function DateTimeInput({
  name,
  label,
  hint = 'For example, 7 12 2026 at 14 30 (the 24-hour clock)',
  error,
  field,
  defaultValue,
}: FieldProps & { defaultValue?: string }) {
  const f = useField(error, name, field, label, 'date')
  const m = (defaultValue ?? '').match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)
  const [parts, setParts] = useState<TimeParts>({
    day: m ? String(Number(m[3])) : '',
    month: m ? String(Number(m[2])) : '',
    year: m ? m[1]! : '',
    hour: m ? m[4]! : '',
    minute: m ? m[5]! : '',
  })
  const box = (p: keyof TimeParts, text: string, width: string) => {
    const id = p === 'day' ? f.id : `${f.id}-${p}`
    return (
      <div className={`govuk-date-input__item${p === 'hour' ? ' govuk-!-margin-left-4' : ''}`}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={id}>
            {text}
          </label>
          <input
            className={`govuk-input govuk-date-input__input ${width}${f.message ? ' govuk-input--error' : ''}`}
            id={id}
            name={`${name}-${p}`}
            type="text"
            inputMode="numeric"
            data-kind="date"
            value={parts[p]}
            onChange={(e) => setParts({ ...parts, [p]: e.target.value })}
          />
        </div>
      </div>
    )
  }
  return (
    <FieldGroup f={f} label={label} hint={hint}>
      <div className="govuk-date-input">
        {box('day', 'Day', 'govuk-input--width-2')}
        {box('month', 'Month', 'govuk-input--width-2')}
        {box('year', 'Year', 'govuk-input--width-4')}
        {box('hour', 'Hour', 'govuk-input--width-2')}
        {box('minute', 'Minute', 'govuk-input--width-2')}
      </div>
      <input type="hidden" name={name} value={dateTimeFromParts(parts)} />
    </FieldGroup>
  )
}
