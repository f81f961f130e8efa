import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { Board, FamilyWorkers, TaskView, VisitView } from '@hearth/contracts'
import { VISIT_KIND_LIST, VISIT_KINDS, type VisitKind } from '@hearth/domain'
import { dateTime } from '../../components/time'
import { api } from '../../api'
import { Button, ErrorSummary, SelectField, SummaryList, TextField } from '../../components/govuk'
import { RequestList } from '../enablers/Requests'
import { useLiveEvents } from '../../live'

/** Who works with the family, hand-over, and visits: the family-facing team's part of the family page. */
export function FamilyWork({ familyId, interpreterNeeded }: { familyId: string; interpreterNeeded: boolean }) {
  const queryClient = useQueryClient()
  useLiveEvents()
  const workers = useQuery({
    queryKey: ['workers', familyId],
    queryFn: () => api<z.infer<typeof FamilyWorkers>>('GET', `/api/families/${familyId}/workers`),
  })
  const teamId = workers.data?.holdingTeam?.id
  const board = useQuery({
    queryKey: ['board', teamId],
    queryFn: () => api<z.infer<typeof Board>>('GET', `/api/teams/${teamId}/board`),
    enabled: !!teamId,
    retry: false,
  })
  const visits = useQuery({
    queryKey: ['visits', familyId],
    queryFn: () => api<z.infer<typeof VisitView>[]>('GET', `/api/families/${familyId}/visits`),
  })
  const familyTasks = useQuery({
    queryKey: ['tasks', 'family', familyId],
    queryFn: () => api<z.infer<typeof TaskView>[]>('GET', `/api/families/${familyId}/tasks`),
  })
  const ask = useMutation({
    mutationFn: (request: string) => api('POST', `/api/families/${familyId}/ask-enabler`, { request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  })
  const [handingOver, setHandingOver] = useState(false)
  const [cancelling, setCancelling] = useState<string | null>(null)
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['workers', familyId] })
    void queryClient.invalidateQueries({ queryKey: ['visits', familyId] })
    void queryClient.invalidateQueries({ queryKey: ['board'] })
    void queryClient.invalidateQueries({ queryKey: ['my-day'] })
  }
  const handover = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/families/${familyId}/workers`, body),
    onSuccess: () => {
      setHandingOver(false)
      refresh()
    },
  })
  const book = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/families/${familyId}/visits`, body),
    onSuccess: refresh,
  })
  const cancel = useMutation({
    mutationFn: (v: { id: string; reason: string }) => api('POST', `/api/visits/${v.id}/cancel`, { reason: v.reason }),
    onSuccess: () => {
      setCancelling(null)
      refresh()
    },
  })
  const w = workers.data
  const members = board.data?.members ?? []

  const submitHandover = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    handover.mutate({
      leadId: f.get('leadId'),
      coWorkerIds: [f.get('coWorkerId')].filter(Boolean),
      reason: f.get('reason'),
    })
  }
  const submitVisit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    const when = String(f.get('startsAt') ?? '')
    book.mutate(
      {
        kind: f.get('kind'),
        startsAt: when ? new Date(when).toISOString() : '',
        durationMinutes: Number(f.get('durationMinutes') || 60),
        place: f.get('place'),
        othersAttending: f.get('othersAttending'),
        interpreterNeeded: f.get('interpreterNeeded') === 'yes',
      },
      { onSuccess: () => form.reset() },
    )
  }
  const upcoming = (visits.data ?? [])
    .filter((v) => v.status === 'booked' && new Date(v.startsAt).getTime() >= Date.now() - 3600_000)
    .reverse()

  return (
    <>
      <h2 className="govuk-heading-m">Who works with this family</h2>
      <ErrorSummary error={workers.error ?? handover.error} />
      {w &&
        (w.lead ? (
          <SummaryList
            rows={[
              ['Team', w.holdingTeam?.name],
              ['Lead', w.lead.name],
              ['Co-workers', w.coWorkers.map((c) => c.name).join(', ')],
              [
                'Letters to the family',
                w.lettersWaiting ? `${w.lettersWaiting} waiting to be sent by the enablers` : 'None waiting',
              ],
            ]}
          />
        ) : (
          <p className="govuk-body">No team holds this family yet.</p>
        ))}
      {w?.lead && members.length > 0 && !handingOver && (
        <Button type="button" secondary onClick={() => setHandingOver(true)}>
          Hand over or change workers
        </Button>
      )}
      {handingOver && w?.lead && (
        <form onSubmit={submitHandover} noValidate>
          <SelectField
            name="leadId"
            label="Lead"
            defaultValue={w.lead.personId}
            options={members.map((m) => ({
              value: m.personId,
              label: `${m.name} (${m.leadChildren}/${m.cap} children as lead)`,
            }))}
            error={handover.error}
          />
          <SelectField
            name="coWorkerId"
            label="Co-worker"
            defaultValue={w.coWorkers[0]?.personId}
            options={members.map((m) => ({ value: m.personId, label: m.name }))}
            error={handover.error}
          />
          <TextField
            name="reason"
            label="Why"
            hint="The team decisions log keeps this, and the family gets a letter naming their workers."
            error={handover.error}
          />
          <div className="hearth-actions">
            <Button disabled={handover.isPending}>Save workers</Button>
            <button type="button" className="govuk-link hearth-link-button" onClick={() => setHandingOver(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <h2 className="govuk-heading-m">Admin for this family</h2>
      <ErrorSummary error={ask.error} />
      <form
        className="hearth-actions"
        onSubmit={(e) => {
          e.preventDefault()
          const form = e.currentTarget
          ask.mutate(String(new FormData(form).get('request') ?? ''), { onSuccess: () => form.reset() })
        }}
        noValidate
      >
        <TextField
          name="request"
          label="Ask an enabler"
          hint="For example: book the family room for Thursday, or send the plan to Nan"
          error={ask.error}
          width="govuk-input--width-30"
        />
        <Button secondary disabled={ask.isPending}>
          Send to the enablers
        </Button>
      </form>
      <RequestList tasks={(familyTasks.data ?? []).filter((t) => t.status !== 'cancelled')} caption="Admin tasks" />

      <h2 className="govuk-heading-m">Visits and meetings</h2>
      <ErrorSummary error={visits.error ?? book.error ?? cancel.error} />
      {upcoming.length === 0 ? (
        <p className="govuk-body">Nothing booked.</p>
      ) : (
        <ul className="govuk-list">
          {upcoming.map((v) => (
            <li key={v.id}>
              <strong>{dateTime(v.startsAt)}</strong> {VISIT_KINDS[v.kind as VisitKind] ?? v.kind}, {v.place} ·{' '}
              {v.attendees.map((a) => a.name).join(', ')}
              {v.interpreterNeeded && ' · interpreter needed'}{' '}
              {cancelling !== v.id && (
                <button type="button" className="govuk-link hearth-link-button" onClick={() => setCancelling(v.id)}>
                  Cancel<span className="govuk-visually-hidden"> this visit</span>
                </button>
              )}
              {cancelling === v.id && (
                <form
                  className="hearth-actions govuk-!-margin-top-2"
                  onSubmit={(e) => {
                    e.preventDefault()
                    cancel.mutate({ id: v.id, reason: String(new FormData(e.currentTarget).get('reason') ?? '') })
                  }}
                >
                  <TextField
                    name="reason"
                    label="Why is it cancelled?"
                    error={cancel.error}
                    width="govuk-input--width-30"
                  />
                  <Button secondary>Cancel the visit</Button>
                  <button type="button" className="govuk-link hearth-link-button" onClick={() => setCancelling(null)}>
                    Keep it
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Book a visit or meeting</span>
        </summary>
        <div className="govuk-details__text">
          <form onSubmit={submitVisit} noValidate>
            <SelectField
              name="kind"
              label="What kind"
              options={VISIT_KIND_LIST.map((k) => ({ value: k, label: VISIT_KINDS[k] }))}
              error={book.error}
            />
            <TextField
              name="startsAt"
              label="When"
              type="datetime-local"
              kind="date"
              error={book.error}
              width="govuk-input--width-20"
            />
            <TextField
              name="durationMinutes"
              label="How long (minutes)"
              defaultValue="60"
              error={book.error}
              width="govuk-input--width-10"
            />
            <TextField name="place" label="Where" error={book.error} width="govuk-input--width-30" />
            <TextField
              name="othersAttending"
              label="Who else comes (optional)"
              hint="For example: Mum, Nan and the school nurse"
              error={book.error}
              width="govuk-input--width-30"
            />
            <SelectField
              name="interpreterNeeded"
              label="Interpreter needed?"
              defaultValue={interpreterNeeded ? 'yes' : 'no'}
              options={[
                { value: 'no', label: 'No' },
                { value: 'yes', label: 'Yes' },
              ]}
            />
            <Button disabled={book.isPending}>Book</Button>
          </form>
        </div>
      </details>
    </>
  )
}
