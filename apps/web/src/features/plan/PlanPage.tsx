import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { FamilyDetail } from '@hearth/contracts/families'
import { PLAN_CHANGES, PLAN_STATUS, PLAN_WHO, PLAN_WHO_LIST, type PlanWho } from '@hearth/domain/plan'
import { api } from '../../api'
import { useLiveEvents } from '../../live'
import {
  BackLink,
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Loading,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../components/govuk'
import { longDate, type Plan, type PlanItem, usePlan } from './plan-api'

/**
 * The family's plan, in words the family can read: what will happen, who does it, by when.
 * Each item is marked done, not done (why) or changed (why); its history is kept and shown.
 */
export function PlanPage() {
  const { id } = useParams()
  const familyId = id!
  useLiveEvents()
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api<z.infer<typeof FamilyDetail>>('GET', `/api/families/${familyId}`),
  })
  const plan = usePlan(familyId)
  if (plan.isLoading || family.isLoading) return <Loading />
  const items = plan.data?.items ?? []
  const groups = [
    { status: 'to_do', heading: 'To do' },
    { status: 'done', heading: 'Done' },
    { status: 'not_done', heading: 'Not done' },
  ] as const
  return (
    <>
      <BackLink to={`/families/${familyId}`}>Back to the family</BackLink>
      <ErrorSummary error={plan.error ?? family.error} />
      {family.data && <span className="govuk-caption-l">{family.data.name}</span>}
      <h1 className="govuk-heading-l">The family’s plan</h1>
      <p className="govuk-body">
        Write it so the family can read it: what will happen, who will do it and by when. Nothing is deleted; when
        something changes, say why.
      </p>
      {plan.data && items.length === 0 && <p className="govuk-body">There is nothing on the plan yet.</p>}
      {plan.data &&
        groups.map(({ status, heading }) => {
          const list = items.filter((i) => i.status === status)
          if (!list.length) return null
          return (
            <section key={status} aria-labelledby={`plan-${status}`}>
              <h2 className="govuk-heading-m" id={`plan-${status}`}>
                {heading}
              </h2>
              <ul className="govuk-list">
                {list.map((item) => (
                  <li key={item.id}>
                    <PlanItemCard item={item} plan={plan.data!} />
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
      {plan.data && <AddItem plan={plan.data} />}
    </>
  )
}

/** Who does it: the kind, then the person or service (or a name, for the network). */
function WhoFields({ plan, error, item }: { plan: Plan; error: unknown; item?: PlanItem }) {
  const [kind, setKind] = useState<PlanWho | ''>(item?.whoKind ?? '')
  const choices: Record<Exclude<PlanWho, 'network'>, { id: string; name: string }[]> = {
    worker: plan.people.workers,
    family: plan.people.family,
    service: plan.people.services,
  }
  const choose = { worker: 'Which worker', family: 'Who in the family', service: 'Which service' } as const
  return (
    <>
      <Radios
        name="whoKind"
        label="Who will do it?"
        options={PLAN_WHO_LIST.map((k) => ({ value: k, label: PLAN_WHO[k] }))}
        defaultValue={item?.whoKind}
        onChange={(v) => setKind(v as PlanWho)}
        error={error}
      />
      {kind === 'network' && (
        <TextField
          name="whoName"
          label="Their name, or who they are to the family"
          hint="For example, Auntie Rose, or the neighbour at number 4"
          defaultValue={item?.whoKind === 'network' ? (item.whoName ?? '') : ''}
          error={error}
          width="govuk-input--width-20"
        />
      )}
      {kind &&
        kind !== 'network' &&
        (choices[kind].length === 0 && kind === 'service' ? (
          <p className="govuk-body">
            No services are linked to the family yet. Add one from the family’s page, under “Services on the plan”.
          </p>
        ) : (
          <SelectField
            name="whoId"
            label={choose[kind]}
            options={[{ value: '', label: 'Choose' }, ...choices[kind].map((p) => ({ value: p.id, label: p.name }))]}
            defaultValue={item?.whoKind === kind ? (item.whoId ?? '') : ''}
            error={error}
          />
        ))}
    </>
  )
}

const itemBody = (form: FormData) => ({
  what: form.get('what'),
  whoKind: form.get('whoKind') ?? undefined,
  whoId: form.get('whoId') || null,
  whoName: form.get('whoName') ?? null,
  byDate: dateFromForm(form, 'byDate') || null,
})

function useChanged(familyId: string) {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['plan', familyId] })
    void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
  }
}

function AddItem({ plan }: { plan: Plan }) {
  const changed = useChanged(plan.familyId)
  const [formKey, setFormKey] = useState(0)
  const [added, setAdded] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: (body: unknown) => api<PlanItem>('POST', `/api/families/${plan.familyId}/plan/items`, body),
    onSuccess: (item) => {
      setAdded(`Added to the plan: ${item.what}`)
      setFormKey((k) => k + 1)
      changed()
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setAdded(null)
    add.mutate(itemBody(new FormData(e.currentTarget)))
  }
  return (
    <section aria-labelledby="plan-add">
      <h2 className="govuk-heading-m" id="plan-add">
        Add to the plan
      </h2>
      <p className="govuk-body" role="status">
        {added}
      </p>
      <FormScope name="plan-add">
        <ErrorSummary error={add.error} />
        <form onSubmit={submit} noValidate key={formKey}>
          <TextArea
            name="what"
            label="What will happen?"
            hint="In the family’s words if you can: “Jo will walk the children to school every morning.”"
            rows={2}
            error={add.error}
          />
          <WhoFields plan={plan} error={add.error} />
          <DateInput
            name="byDate"
            label="By when? (optional)"
            hint="Leave empty for something that carries on. For example, 15 1 2027"
            error={add.error}
          />
          <Button disabled={add.isPending}>Add to the plan</Button>
        </form>
      </FormScope>
    </section>
  )
}

type Mode = null | 'change' | 'not_done' | 'to_do'

function PlanItemCard({ item, plan }: { item: PlanItem; plan: Plan }) {
  const changed = useChanged(plan.familyId)
  const [mode, setMode] = useState<Mode>(null)
  const [said, setSaid] = useState<string | null>(null)
  const onSettled = (message: string) => ({
    onSuccess: () => {
      setMode(null)
      setSaid(message)
      changed()
    },
    // someone else changed it: show it as it is now, with the message
    onError: () => changed(),
  })
  const status = useMutation({
    mutationFn: (body: unknown) => api<PlanItem>('POST', `/api/plan-items/${item.id}/status`, body),
  })
  const change = useMutation({
    mutationFn: (body: unknown) => api<PlanItem>('PUT', `/api/plan-items/${item.id}`, body),
  })
  const setStatus = (next: 'done' | 'not_done' | 'to_do', reason?: FormDataEntryValue | null) =>
    status.mutate(
      { version: item.version, status: next, reason: reason ?? null },
      onSettled(next === 'done' ? 'Marked as done.' : next === 'not_done' ? 'Marked as not done.' : 'To do again.'),
    )
  const scope = `plan-item-${item.id}`
  return (
    <div className="hearth-card govuk-!-margin-bottom-6" id={scope}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.what}</h3>
      <p className="govuk-body govuk-!-margin-bottom-1">
        {item.whoLabel}
        {item.byDate ? `, by ${longDate(item.byDate)}` : ', carrying on'}
        {item.overdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Overdue</strong>}
      </p>
      {said && (
        <p className="govuk-body govuk-!-margin-bottom-1" role="status">
          {said}
        </p>
      )}
      <FormScope name={scope}>
        <ErrorSummary error={status.error ?? change.error} />
        {mode === null && (
          <div className="govuk-button-group">
            {item.status === 'to_do' ? (
              <>
                <Button type="button" onClick={() => setStatus('done')} disabled={status.isPending}>
                  Mark as done
                </Button>
                <Button type="button" secondary onClick={() => setMode('not_done')}>
                  Not done
                </Button>
                <Button type="button" secondary onClick={() => setMode('change')}>
                  Change
                </Button>
              </>
            ) : (
              <Button type="button" secondary onClick={() => setMode('to_do')}>
                Put back to do
              </Button>
            )}
          </div>
        )}
        {(mode === 'not_done' || mode === 'to_do') && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              setStatus(mode, new FormData(e.currentTarget).get('reason'))
            }}
          >
            <TextField
              name="reason"
              label={mode === 'not_done' ? 'Why was it not done?' : 'Why is it to do again?'}
              error={status.error}
              width="govuk-input--width-30"
            />
            <div className="govuk-button-group">
              <Button disabled={status.isPending}>{mode === 'not_done' ? 'Mark as not done' : 'Put back to do'}</Button>
              <Button type="button" secondary onClick={() => setMode(null)}>
                Cancel
              </Button>
            </div>
          </form>
        )}
        {mode === 'change' && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              const form = new FormData(e.currentTarget)
              change.mutate(
                { ...itemBody(form), version: item.version, reason: form.get('reason') },
                onSettled('Changed.'),
              )
            }}
          >
            <TextArea name="what" label="What will happen?" rows={2} defaultValue={item.what} error={change.error} />
            <WhoFields plan={plan} error={change.error} item={item} />
            <DateInput
              name="byDate"
              label="By when? (optional)"
              hint="Leave empty for something that carries on. For example, 15 1 2027"
              defaultValue={item.byDate ?? undefined}
              error={change.error}
            />
            <TextField name="reason" label="Why is it changing?" error={change.error} width="govuk-input--width-30" />
            <div className="govuk-button-group">
              <Button disabled={change.isPending}>Save the change</Button>
              <Button type="button" secondary onClick={() => setMode(null)}>
                Cancel
              </Button>
            </div>
          </form>
        )}
      </FormScope>
      <details className="govuk-details govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            History ({item.history.length} {item.history.length === 1 ? 'entry' : 'entries'})
          </span>
        </summary>
        <div className="govuk-details__text">
          <ol className="govuk-list">
            {item.history.map((h) => (
              <li key={h.id}>
                <strong>{PLAN_CHANGES[h.kind]}</strong> by {h.byName},{' '}
                {new Date(h.at).toLocaleString('en-GB', {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                  hour: '2-digit',
                  minute: '2-digit',
                  timeZone: 'Europe/London',
                })}
                {h.kind === 'changed' && h.summary.length > 0 && `: ${h.summary.join('; ')}`}
                {h.reason && (
                  <>
                    . Why: <q>{h.reason}</q>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      </details>
      <p className="govuk-visually-hidden">Status: {PLAN_STATUS[item.status]}</p>
    </div>
  )
}
