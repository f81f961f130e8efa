import { ApiError, type FieldProblem } from '../api'

/**
 * The one place a form's errors are worded and linked (GOV.UK's error pattern). A field's id comes
 * from its name in the API ("family.postcode" → "family-postcode"), so the error summary can always
 * link to it; its message comes from the field's own label and the kind of problem, never from
 * schema text.
 */
export function fieldId(apiField: string): string {
  return apiField.replace(/^(body|query|params)\./, '').replace(/\./g, '-')
}

/** The API's problem for a field, matched on its full name ("family.postcode"), else its last part. */
export function problemFor(error: unknown, field: string): FieldProblem | undefined {
  if (!(error instanceof ApiError)) return undefined
  return (
    error.details.find((d) => fieldId(d.field) === fieldId(field)) ??
    error.details.find((d) => d.field.endsWith(`.${field}`))
  )
}

export type FieldKind = 'text' | 'choice' | 'date' | 'money' | 'percent'

/** "Address line 1 (optional)" → "address line 1"; "NHS number" keeps its capitals. */
function phrase(label: string): string {
  const core = label
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[?:]\s*$/, '')
    .trim()
  return /^[A-Z]{2}/.test(core) ? core : core.charAt(0).toLowerCase() + core.slice(1)
}

const sentence = (s: string) => {
  const t = s.trim().replace(/\.$/, '')
  return t.charAt(0).toUpperCase() + t.slice(1)
}

/**
 * A message written for people, from the field's label and what is wrong. A long question gives a
 * short name for its errors (`errorName`: "the share of phrases"), as GOV.UK's pattern asks.
 */
export function humanMessage(label: string, p: FieldProblem, kind: FieldKind = 'text'): string {
  const what = phrase(label)
  const What = sentence(what)
  const amount = (n: number | undefined) =>
    kind === 'money'
      ? `£${((n ?? 0) / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`
      : kind === 'percent'
        ? `${n}%`
        : String(n)
  const question = label.trim().endsWith('?')
  switch (p.rule) {
    case 'required':
      if (kind === 'choice') return question ? `Answer: ${label.trim()}` : `Select ${what}`
      return `Enter ${what}`
    case 'choice':
      return question ? `Answer: ${label.trim()}` : `Select ${what}`
    case 'too_short':
      return `${What} must be ${p.limit} characters or more`
    case 'too_long':
      return `${What} must be ${p.limit} characters or fewer`
    case 'too_small':
      return `${What} must be ${amount(p.limit)} or more`
    case 'too_big':
      return `${What} must be ${amount(p.limit)} or less`
    case 'too_few':
      return `Choose at least ${p.limit} for ${what}`
    case 'too_many':
      return `Choose at most ${p.limit} for ${what}`
    case 'format':
      if (p.format === 'email') return 'Enter an email address in the correct format, like name@example.com'
      if (kind === 'date' || p.format === 'datetime' || p.format === 'date') return `Enter ${what} as a real date`
      if (p.format === 'uuid') return `Select ${what}`
      return `Enter ${what} in the correct format`
    default:
      // Hearth's own rules already speak plainly ("the postcode is not in your team's patch")
      return sentence(p.message)
  }
}
