import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { InsightSettingsView } from '@hearth/contracts/insight'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, TextField } from '../../components/govuk'

/** Administrators: how long a request to the insight team may wait before it shows as waiting too long. */
export function InsightSettingsPage() {
  const queryClient = useQueryClient()
  const current = useQuery({
    queryKey: ['insight', 'settings'],
    queryFn: () => api<z.infer<typeof InsightSettingsView>>('GET', '/api/insight/settings'),
  })
  const save = useMutation({
    mutationFn: (body: unknown) => api('POST', '/api/insight/settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['insight', 'settings'] }),
  })
  if (current.isLoading) return <Loading />
  return (
    <>
      <h1 className="govuk-heading-l">Insight team waiting time</h1>
      <p className="govuk-body">
        A request for a consultation, coaching or commissioning that no adviser has taken within this many working days
        shows as <strong>waiting too long</strong> to the insight team and to the team that asked. Weekends and bank
        holidays do not count.
      </p>
      <p className="govuk-body">
        Now:{' '}
        <strong>
          {current.data?.waitWorkingDays} working day{current.data?.waitWorkingDays === 1 ? '' : 's'}
        </strong>
        {current.data?.councilOwn ? '' : ' (Hearth’s default)'}.
      </p>
      {save.isSuccess && (
        <div className="govuk-inset-text" role="status">
          Saved. It applies to every request at once, including those already waiting.
        </div>
      )}
      <ErrorSummary error={save.error ?? current.error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate({ waitWorkingDays: Number(new FormData(e.currentTarget).get('waitWorkingDays')) })
        }}
      >
        <TextField
          name="waitWorkingDays"
          label="Working days"
          defaultValue={String(current.data?.waitWorkingDays ?? 2)}
          error={save.error}
          width="govuk-input--width-4"
        />
        <Button disabled={save.isPending}>Save</Button>
      </form>
    </>
  )
}
