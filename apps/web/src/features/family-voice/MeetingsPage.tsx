import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { NetworkView } from '@hearth/contracts/network'
import { api } from '../../api'
import {
  BackLink,
  Button,
  Checkboxes,
  ErrorSummary,
  FormScope,
  Loading,
  Radios,
  TextArea,
  TextField,
  DateTimeInput,
} from '../../components/govuk'
import { type Meetings, when } from './voice-api'

type Meeting = Meetings['meetings'][number]
const toIso = (local: FormDataEntryValue | null) => (local ? new Date(String(local)).toISOString() : '')
const lines = (v: FormDataEntryValue | null) =>
  String(v ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/**
 * Family group conferences, arranged with the family: who they choose to invite, where and when,
 * an independent coordinator and private family time. The enablers get the invitations, room,
 * interpreter and minutes as tasks; the family's own plan from it joins their plan.
 */
export function MeetingsPage() {
  const { id } = useParams()
  const familyId = id!
  const meetings = useQuery({
    queryKey: ['family-voice', familyId, 'meetings'],
    queryFn: () => api<Meetings>('GET', `/api/families/${familyId}/family-meetings`),
  })
  if (meetings.isLoading) return <Loading />
  return (
    <>
      <BackLink to={`/families/${familyId}/family-link`}>Back to the family’s link</BackLink>
      <ErrorSummary error={meetings.error} />
      <h1 className="govuk-heading-l">Family group conferences</h1>
      <p className="govuk-body">
        Arranged with the family: they choose who comes, where and when. Private family time is part of the meeting.
        Where pre-proceedings has begun, this is the family group decision-making meeting the family must be offered.
      </p>
      {meetings.data?.meetings.map((m) => (
        <MeetingCard key={m.id} m={m} />
      ))}
      <Arrange familyId={familyId} />
    </>
  )
}

function MeetingCard({ m }: { m: Meeting }) {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const record = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/family-meetings/${m.id}/family-plan`, body),
    onSuccess: () => {
      setOpen(false)
      void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
      void queryClient.invalidateQueries({ queryKey: ['plan'] })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const items = lines(f.get('items')).map((l) => {
      const [what, who] = l.split(/\s+[–-]\s+/)
      return { what: what ?? l, who: who ?? 'The family' }
    })
    record.mutate({ familyPlan: f.get('familyPlan'), items })
  }
  return (
    <div className="hearth-card govuk-!-margin-bottom-4">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        {m.kind === 'fgdm' ? 'Family group decision-making meeting' : 'Family group conference'}, {when(m.startsAt)}
        {m.cancelled && <strong className="govuk-tag govuk-tag--grey hearth-tag-gap">Cancelled</strong>}
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-1">Where: {m.place}</p>
      {m.coordinator && <p className="govuk-body govuk-!-margin-bottom-1">Coordinator: {m.coordinator}</p>}
      <p className="govuk-body govuk-!-margin-bottom-1">
        The family invited:{' '}
        {m.invitees.length
          ? m.invitees.map((i) => i.name + (i.relationship ? ` (${i.relationship})` : '')).join(', ')
          : 'nobody named yet'}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1">
        {m.privateTime ? 'With private family time.' : 'No private family time.'}
      </p>
      {m.familyPlan ? (
        <>
          <h3 className="govuk-heading-s">The family’s plan</h3>
          <p className="govuk-body hearth-pre-wrap">{m.familyPlan}</p>
        </>
      ) : open ? (
        <FormScope name={`meeting-${m.id}`}>
          <ErrorSummary error={record.error} />
          <form onSubmit={submit} noValidate>
            <TextArea name="familyPlan" label="The family’s plan, in their words" rows={5} error={record.error} />
            <TextArea
              name="items"
              field="items"
              label="What will happen, one a line, then who (optional)"
              hint="For example: Gran picks the children up from school – Gran. Each line joins the family’s plan."
              rows={4}
              error={record.error}
            />
            <Button disabled={record.isPending}>Record the family’s plan</Button>
          </form>
        </FormScope>
      ) : (
        <Button secondary type="button" onClick={() => setOpen(true)}>
          Record the family’s plan from it
        </Button>
      )}
    </div>
  )
}

function Arrange({ familyId }: { familyId: string }) {
  const queryClient = useQueryClient()
  // the relationship map: the family choose from the people already on it, or name others
  const network = useQuery({
    queryKey: ['network', familyId],
    queryFn: () => api<z.infer<typeof NetworkView>>('GET', `/api/families/${familyId}/network`),
  })
  const mapPeople = (network.data?.people ?? []).filter((p) => !p.childId)
  const [done, setDone] = useState<string | null>(null)
  const [key, setKey] = useState(0)
  const arrange = useMutation({
    mutationFn: (body: unknown) => api<Meeting>('POST', `/api/families/${familyId}/family-meetings`, body),
    onSuccess: (m) => {
      setDone(`Arranged for ${when(m.startsAt)}. The enablers have the invitations, room and minutes.`)
      setKey((k) => k + 1)
      void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    arrange.mutate({
      kind: f.get('kind') ?? undefined,
      startsAt: toIso(f.get('startsAt')),
      durationMinutes: Number(f.get('durationMinutes') || 120),
      place: f.get('place'),
      coordinator: f.get('coordinator'),
      invitees: [
        ...f.getAll('fromMap').map((id) => {
          const p = mapPeople.find((x) => x.id === id)!
          return { name: p.name, networkPersonId: p.id, relationship: p.role }
        }),
        ...lines(f.get('invitees')).map((name) => ({ name })),
      ],
      privateTime: f.getAll('privateTime').includes('yes'),
      interpreterNeeded: f.getAll('interpreterNeeded').includes('yes'),
    })
  }
  return (
    <section aria-labelledby="arrange-heading">
      <h2 className="govuk-heading-m" id="arrange-heading">
        Arrange one with the family
      </h2>
      <p className="govuk-body" role="status">
        {done}
      </p>
      <FormScope name="arrange">
        <ErrorSummary error={arrange.error} />
        <form onSubmit={submit} noValidate key={key}>
          <Radios
            name="kind"
            label="Which meeting?"
            options={[
              { value: 'fgc', label: 'A family group conference' },
              { value: 'fgdm', label: 'A family group decision-making meeting (pre-proceedings)' },
            ]}
            error={arrange.error}
          />
          <DateTimeInput name="startsAt" label="When (the time the family chose)" error={arrange.error} />
          <TextField
            name="durationMinutes"
            label="How long (minutes)"
            errorName="The length of the meeting in minutes"
            defaultValue="120"
            inputMode="numeric"
            error={arrange.error}
            width="govuk-input--width-4"
          />
          <TextField
            name="place"
            label="Where (the place the family chose)"
            error={arrange.error}
            width="govuk-input--width-30"
          />
          <TextField
            name="coordinator"
            label="Independent coordinator (optional)"
            error={arrange.error}
            width="govuk-input--width-20"
          />
          {mapPeople.length > 0 && (
            <Checkboxes
              name="fromMap"
              label="Who the family want to invite, from the people around the children"
              options={mapPeople.map((p) => ({ value: p.id, label: p.role ? `${p.name} (${p.role})` : p.name }))}
              error={arrange.error}
            />
          )}
          <TextArea
            name="invitees"
            field="invitees"
            label={
              mapPeople.length
                ? 'Anyone else they want to invite, one a line'
                : 'Who the family want to invite, one a line'
            }
            hint="Family, friends, neighbours, anyone important to the children"
            rows={4}
            error={arrange.error}
          />
          <Checkboxes
            name="privateTime"
            label="Private family time"
            options={[{ value: 'yes', label: 'Yes: the family meet on their own to make their plan' }]}
            defaultChecked={['yes']}
            error={arrange.error}
          />
          <Checkboxes
            name="interpreterNeeded"
            label="Interpreter"
            options={[{ value: 'yes', label: 'Book an interpreter' }]}
            error={arrange.error}
          />
          <Button disabled={arrange.isPending}>Arrange the meeting</Button>
        </form>
      </FormScope>
    </section>
  )
}
