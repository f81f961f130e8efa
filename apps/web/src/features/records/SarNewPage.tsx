import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { SarFamilyView, SarPeopleView, SarView } from '@hearth/contracts/records'
import { longDate } from '@hearth/domain/dates'
import { londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import {
  BackLink,
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Loading,
  Radios,
  TextField,
} from '../../components/govuk'

type Found = z.infer<typeof SarFamilyView>
type People = z.infer<typeof SarPeopleView>

/** A new request: the family by its reference, who asked, and the day it came. */
export function SarNewPage() {
  const navigate = useNavigate()
  const [reference, setReference] = useState<string | null>(null)
  const family = useQuery({
    queryKey: ['sar-family', reference],
    queryFn: () => api<Found>('GET', `/api/subject-access/family?reference=${encodeURIComponent(reference!)}`),
    enabled: reference !== null,
    retry: false,
  })
  // someone asking rarely knows their family's reference: find them by name instead
  const [name, setName] = useState<string | null>(null)
  const people = useQuery({
    queryKey: ['sar-people', name],
    queryFn: () => api<People>('GET', `/api/subject-access/people?name=${encodeURIComponent(name!)}`),
    enabled: name !== null,
    retry: false,
  })
  const create = useMutation({
    mutationFn: (body: unknown) => api<SarView>('POST', '/api/subject-access-requests', body),
    onSuccess: (s) => navigate(`/subject-access/${s.id}`),
  })
  const find = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    setReference(
      String(f.get('reference') ?? '')
        .trim()
        .toUpperCase(),
    )
  }
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const [kind, id] = String(f.get('requester') ?? ':').split(':')
    create.mutate({
      reference,
      requesterKind: kind || undefined,
      requesterId: id || undefined,
      receivedOn: dateFromForm(f, 'receivedOn') || undefined,
    })
  }
  const found = family.data
  return (
    <>
      <BackLink to="/subject-access">Back to the requests</BackLink>
      <h1 className="govuk-heading-l">Record a subject access request</h1>
      {!found && (
        <FormScope name="sar-find">
          <ErrorSummary error={family.error} />
          <form noValidate onSubmit={find}>
            <TextField
              name="reference"
              label="The family’s reference"
              hint="It starts F-, for example F-00042. Ask the family’s team if the person does not know it."
              width="govuk-input--width-10"
              error={family.error}
              field="query.reference"
            />
            <Button>Find the family</Button>
          </form>
        </FormScope>
      )}
      {!found && (
        <FormScope name="sar-people">
          <h2 className="govuk-heading-m">Or find them by name</h2>
          <ErrorSummary error={people.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              setName(String(new FormData(e.currentTarget).get('name') ?? '').trim())
            }}
          >
            <TextField
              name="name"
              label="Name of the person asking, or of their child"
              hint="Part of the name is enough, for example “Morwenna” or “Quill”."
              width="govuk-input--width-20"
              error={people.error}
              field="query.name"
            />
            <Button secondary>Find by name</Button>
          </form>
          {people.data &&
            (people.data.matches.length === 0 ? (
              <p className="govuk-body">Nobody of that name is known to the council.</p>
            ) : (
              <ul className="govuk-list" aria-label="People found">
                {people.data.matches.map((m) => (
                  <li key={`${m.kind}:${m.id}`} className="govuk-!-margin-bottom-3">
                    <strong>{m.name}</strong>
                    {m.kind === 'child'
                      ? `, a child${m.dateOfBirth ? ` born ${longDate(m.dateOfBirth)}` : ''}`
                      : ', an adult'}
                    , of the {m.familyName} ({m.reference}){' '}
                    <button
                      type="button"
                      className="govuk-link hearth-link-button"
                      onClick={() => setReference(m.reference)}
                    >
                      Choose this family<span className="govuk-visually-hidden"> for {m.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </FormScope>
      )}
      {family.isFetching && <Loading />}
      {found && (
        <FormScope name="sar-new">
          <ErrorSummary error={create.error} />
          <h2 className="govuk-heading-m">
            {found.name} ({found.reference})
          </h2>
          <form noValidate onSubmit={submit}>
            <Radios
              name="requester"
              field="body.requesterKind"
              label="Who asked for their information?"
              options={found.people.map((p) => ({
                value: `${p.kind}:${p.id}`,
                label: p.name,
                hint: p.kind === 'child' ? 'A child or young person' : 'An adult',
              }))}
              error={create.error}
            />
            <DateInput
              name="receivedOn"
              label="When did the request reach the council?"
              hint="The clock starts on this day"
              defaultValue={londonDateOf(new Date())}
              error={create.error}
            />
            <Button disabled={create.isPending}>Record the request</Button>
          </form>
        </FormScope>
      )}
    </>
  )
}
