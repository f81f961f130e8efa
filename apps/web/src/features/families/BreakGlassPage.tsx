import { useMutation } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, TextArea, TextField } from '../../components/govuk'

/**
 * The front door opens a restricted record it is not named on, saying why. It is open for four
 * hours; the record's team and the administrators see who, when and why.
 */
export function BreakGlassPage() {
  const navigate = useNavigate()
  const open = useMutation({
    mutationFn: (body: unknown) => api<{ familyId: string }>('POST', '/api/break-glass', body),
    onSuccess: (g) => navigate(`/families/${g.familyId}`),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    open.mutate({
      reference: String(f.get('reference') ?? '')
        .trim()
        .toUpperCase(),
      reason: f.get('reason'),
    })
  }
  return (
    <>
      <h1 className="govuk-heading-l">Open a restricted record</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Only when a child’s safety needs it now. It is open to you for four hours; the family’s team and the
          administrators are told who opened it, when and why.
        </strong>
      </div>
      <FormScope name="break-glass">
        <ErrorSummary error={open.error} />
        <form onSubmit={submit} noValidate>
          <TextField
            name="reference"
            label="The family’s reference"
            hint="For example, F-00042"
            error={open.error}
            width="govuk-input--width-10"
          />
          <TextArea name="reason" label="Why you need to open it now" rows={3} error={open.error} />
          <Button disabled={open.isPending}>Open the record</Button>
        </form>
      </FormScope>
    </>
  )
}
