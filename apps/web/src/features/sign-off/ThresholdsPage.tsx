import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import type { z } from 'zod'
import type { ThresholdsView } from '@hearth/contracts/sign-off'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, TextField } from '../../components/govuk'
import { count } from '../../components/time'

export function ThresholdsPage() {
  const queryClient = useQueryClient()
  const t = useQuery({
    queryKey: ['thresholds'],
    queryFn: () => api<z.infer<typeof ThresholdsView>>('GET', '/api/spend-thresholds'),
  })
  const save = useMutation({
    mutationFn: (body: unknown) => api('POST', '/api/spend-thresholds', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['thresholds'] }),
  })
  const p = (v: FormDataEntryValue | null) => Math.round(Number(String(v ?? '').replace(/[£,\s]/g, '')) * 100)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    save.mutate({
      signOffPence: p(f.get('signOff')),
      secondApproverPence: p(f.get('second')),
      decisionWorkingDays: Number(f.get('days')),
      reason: f.get('reason'),
    })
  }
  if (t.isLoading) return <Loading />
  const c = t.data?.current
  return (
    <>
      <h1 className="govuk-heading-l">Sign-off thresholds</h1>
      <p className="govuk-body">
        Conversation-3 packages costing this much or more in all go to the strategy team; above the higher figure two
        strategy members must approve. A change applies to new proposals only.
      </p>
      <ErrorSummary error={t.error ?? save.error} />
      {c && (
        <form onSubmit={submit} noValidate>
          <TextField
            name="signOff"
            label="Strategy sign-off from (£)"
            defaultValue={String(c.signOffPence / 100)}
            error={save.error}
            width="govuk-input--width-10"
          />
          <TextField
            name="second"
            label="Second approver from (£)"
            defaultValue={String(c.secondApproverPence / 100)}
            error={save.error}
            width="govuk-input--width-10"
          />
          <TextField
            name="days"
            label="Strategy decides within (working days)"
            defaultValue={String(c.decisionWorkingDays)}
            error={save.error}
            width="govuk-input--width-4"
          />
          <TextField name="reason" label="Why the change" error={save.error} width="govuk-input--width-30" />
          <Button disabled={save.isPending}>Save thresholds</Button>
        </form>
      )}
      <h2 className="govuk-heading-m">History</h2>
      <ul className="govuk-list">
        {t.data?.history.map((h) => (
          <li key={h.setAt}>
            {new Date(h.setAt).toLocaleDateString('en-GB')}: {pounds(h.signOffPence)} / {pounds(h.secondApproverPence)},{' '}
            {count(h.decisionWorkingDays, 'working day')}, by {h.setByName}. {h.reason}
          </li>
        ))}
      </ul>
    </>
  )
}
