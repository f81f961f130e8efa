import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { z } from 'zod'
import type { TaskView } from '@hearth/contracts/enablers'
import type { Team } from '@hearth/contracts/organisation'
import { minutesInWords, TASK_TYPE_LIST, TASK_TYPES } from '@hearth/domain/admin-tasks'
import { VISIT_KINDS, type VisitKind } from '@hearth/domain/allocation'
import { dateTime } from '../../components/time'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, TextField } from '../../components/govuk'
import { useLiveEvents } from '../../live'

type Task = z.infer<typeof TaskView>

/** The enablers' queue: what is due first, take a task, do it, say what was done. */
export function TasksPage() {
  useLiveEvents()
  const queryClient = useQueryClient()
  const [view, setView] = useState<'open' | 'mine' | 'done'>('open')
  const [type, setType] = useState('')
  const [teamId, setTeamId] = useState('')
  const qs = new URLSearchParams({ status: view, ...(type ? { type } : {}), ...(teamId ? { teamId } : {}) }).toString()
  const tasks = useQuery({
    queryKey: ['tasks', qs],
    queryFn: () => api<Task[]>('GET', `/api/tasks?${qs}`),
    refetchInterval: 60_000,
  })
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<z.infer<typeof Team>[]>('GET', '/api/teams') })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tasks'] })
  const claim = useMutation({
    mutationFn: (id: string) => api<Task>('POST', `/api/tasks/${id}/claim`),
    onSuccess: () => {
      setView('mine')
      void refresh()
    },
  })
  const release = useMutation({
    mutationFn: (id: string) => api('POST', `/api/tasks/${id}/release`),
    onSuccess: refresh,
  })
  const complete = useMutation({
    mutationFn: (v: { id: string; outcome: string; reference: string }) =>
      api('POST', `/api/tasks/${v.id}/complete`, { outcome: v.outcome, reference: v.reference }),
    onSuccess: refresh,
  })
  const overdue = tasks.data?.filter((t) => t.overdue).length ?? 0
  return (
    <>
      <h1 className="govuk-heading-l">Admin tasks</h1>
      <p className="govuk-body">
        Work that practitioners’ bookings and decisions send to the enablers, soonest due first. Take a task so nobody
        else does it twice; if you can’t finish it, hand it back.
      </p>
      <ErrorSummary error={tasks.error ?? claim.error ?? release.error ?? complete.error} />
      <nav className="govuk-!-margin-bottom-4 hearth-actions" aria-label="Which tasks">
        {(['open', 'mine', 'done'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={`govuk-button ${view === v ? '' : 'govuk-button--secondary'}`}
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'open' ? 'Waiting' : v === 'mine' ? 'Mine' : 'Done'}
          </button>
        ))}
      </nav>
      <div className="hearth-actions">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="type">
            Kind of task
          </label>
          <select className="govuk-select" id="type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All kinds</option>
            {TASK_TYPE_LIST.map((t) => (
              <option key={t} value={t}>
                {TASK_TYPES[t].label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="team">
            Team
          </label>
          <select className="govuk-select" id="team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">All teams</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {overdue > 0 && view !== 'done' && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {overdue} {overdue === 1 ? 'task is' : 'tasks are'} overdue.
          </strong>
        </div>
      )}
      {tasks.isLoading ? (
        <Loading />
      ) : tasks.data?.length === 0 ? (
        <p className="govuk-body">Nothing here.</p>
      ) : (
        <ul className="govuk-list" aria-live="polite">
          {tasks.data?.map((t) => (
            <li key={t.id} className="govuk-!-margin-bottom-6 hearth-task">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                {t.label}
                {t.familyName ? `: ${t.familyName}` : ''}{' '}
                {t.status === 'held' ? (
                  <strong className="govuk-tag govuk-tag--yellow">Held</strong>
                ) : (
                  t.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                )}
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                Due {dateTime(t.dueAt)}
                {t.teamName ? ` · ${t.teamName}` : ''}
                {t.requestedByName ? ` · asked by ${t.requestedByName}` : ''} · saves about {t.minutesSaved} minutes
                {t.claimedByName && view === 'open' ? ` · ${t.claimedByName} is doing it` : ''}
              </p>
              {t.status === 'held' && (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    Do not contact the family. {t.heldReason} It joins the queue if the lead decides to send it.
                  </strong>
                </div>
              )}
              {t.visit && <VisitFacts visit={t.visit} />}
              {t.details && <p className="govuk-body govuk-!-margin-bottom-2">“{t.details}”</p>}
              {t.status === 'done' && (
                <p className="govuk-body">
                  Done by {t.completedByName}: {t.outcome}
                  {t.reference ? ` (reference ${t.reference})` : ''}
                </p>
              )}
              {t.hasLetter && t.status !== 'held' && (
                <p className="govuk-body">
                  <a className="govuk-link" href={`/api/tasks/${t.id}/letter`} target="_blank" rel="noreferrer">
                    {t.status === 'done' ? 'The letter as sent (PDF)' : 'Check the letter (PDF)'}
                  </a>
                </p>
              )}
              {view === 'open' && !t.claimedByName && t.status !== 'held' && (
                <button
                  type="button"
                  className="govuk-button"
                  data-module="govuk-button"
                  aria-label={`Take this task: ${t.label}${t.familyName ? `, ${t.familyName}` : ''}`}
                  onClick={() => claim.mutate(t.id)}
                >
                  Take this task
                </button>
              )}
              {view === 'mine' && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault()
                    const f = new FormData(e.currentTarget)
                    complete.mutate({
                      id: t.id,
                      outcome: String(f.get('outcome') ?? ''),
                      reference: String(f.get('reference') ?? ''),
                    })
                  }}
                >
                  <TextField
                    name="outcome"
                    label="What was done"
                    error={complete.error}
                    width="govuk-input--width-30"
                  />
                  <TextField name="reference" label="Booking reference (optional)" width="govuk-input--width-20" />
                  <div className="hearth-actions">
                    <Button>Mark as done</Button>
                    <button
                      type="button"
                      className="govuk-link hearth-link-button"
                      onClick={() => release.mutate(t.id)}
                    >
                      Hand it back
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Which visit a task is about, and what booking it needs: when, how long, where, who comes, the language. */
function VisitFacts({ visit: v }: { visit: NonNullable<Task['visit']> }) {
  return (
    <p className="govuk-body govuk-!-margin-bottom-2">
      {v.status === 'cancelled' ? 'Cancelled: ' : ''}
      {VISIT_KINDS[v.kind as VisitKind] ?? v.kind} on {dateTime(v.startsAt)} for {minutesInWords(v.durationMinutes)}, at{' '}
      {v.place}.{v.attendees.length ? ` Coming: ${v.attendees.join(', ')}` : ''}
      {v.othersAttending ? `; also ${v.othersAttending}` : ''}.{v.language ? ` Interpreter for ${v.language}.` : ''}
    </p>
  )
}
