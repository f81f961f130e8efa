import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { TaskView } from '@hearth/contracts/enablers'
import type { Board, FamilyWorkers } from '@hearth/contracts/team-board'
import { api } from '../../api'
import { Button, ErrorSummary, SelectField, SummaryList, TextField } from '../../components/govuk'
import { RequestList } from '../enablers/Requests'
import { FamilyVisits } from './FamilyVisits'
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
  const familyTasks = useQuery({
    queryKey: ['tasks', 'family', familyId],
    queryFn: () => api<z.infer<typeof TaskView>[]>('GET', `/api/families/${familyId}/tasks`),
  })
  const ask = useMutation({
    mutationFn: (request: string) => api('POST', `/api/families/${familyId}/ask-enabler`, { request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  })
  const [handingOver, setHandingOver] = useState(false)
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
              ['Letters to the family', lettersWords(w.lettersWaiting, w.lettersHeld)],
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
          label="What you need the enablers to do"
          hint="For example: book the family room for Thursday, or send the plan to Nan"
          error={ask.error}
          width="govuk-input--width-30"
        />
        <Button secondary disabled={ask.isPending}>
          Send to the enablers
        </Button>
      </form>
      <RequestList tasks={(familyTasks.data ?? []).filter((t) => t.status !== 'cancelled')} caption="Admin tasks" />

      <FamilyVisits familyId={familyId} interpreterNeeded={interpreterNeeded} onChange={refresh} />
    </>
  )
}

/** "1 held for your decision; 2 waiting to be sent by the enablers", or "None waiting". */
export function lettersWords(waiting: number, held: number): string {
  const parts = []
  if (held) parts.push(`${held} held for your decision (contact with the family is on hold)`)
  if (waiting) parts.push(`${waiting} waiting to be sent by the enablers`)
  return parts.length ? parts.join('; ') : 'None waiting'
}
