import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { ConflictsView } from '@hearth/contracts/conflicts'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, TextArea, TextField } from '../../components/govuk'

type Conflicts = z.infer<typeof ConflictsView>
const when = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/**
 * "I know this family": a member of staff declares a relationship with a family (a relative, a
 * neighbour, a friend). From then on Hearth keeps them out of its record.
 */
export function ConflictsPage() {
  const queryClient = useQueryClient()
  const mine = useQuery({ queryKey: ['conflicts', 'mine'], queryFn: () => api<Conflicts>('GET', '/api/me/conflicts') })
  const [key, setKey] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const declare = useMutation({
    mutationFn: (body: unknown) => api<{ familyReference: string }>('POST', '/api/me/conflicts', body),
    onSuccess: (c) => {
      setSaid(`Declared. You will not see the family ${c.familyReference} in Hearth from now on.`)
      setKey((k) => k + 1)
      void queryClient.invalidateQueries()
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    setSaid(null)
    declare.mutate({
      reference: String(f.get('reference') ?? '')
        .trim()
        .toUpperCase(),
      reason: f.get('reason'),
    })
  }
  if (mine.isLoading) return <Loading />
  const list = mine.data?.conflicts ?? []
  return (
    <>
      <h1 className="govuk-heading-l">Families you know</h1>
      <p className="govuk-body">
        If you know a family personally (a relative, a neighbour, a friend), say so here. Hearth then keeps you out of
        their record: you will not see it anywhere, and nobody needs to ask you why. An administrator can end it if it
        was a mistake.
      </p>
      <ErrorSummary error={mine.error} />
      {list.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {list.map((c) => (
            <li key={c.id}>
              {c.familyReference}, declared {when(c.declaredAt)}: {c.reason}
              {c.endedAt ? ` (ended ${when(c.endedAt)}: ${c.endReason})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body" role="status">
        {said}
      </p>
      <FormScope name="declare">
        <ErrorSummary error={declare.error} />
        <form onSubmit={submit} noValidate key={key}>
          <TextField
            name="reference"
            label="The family’s reference"
            hint="For example, F-00042"
            error={declare.error}
            width="govuk-input--width-10"
          />
          <TextArea name="reason" label="How you know them" rows={2} error={declare.error} />
          <Button disabled={declare.isPending}>Declare it</Button>
        </form>
      </FormScope>
    </>
  )
}

/** The administrator's list: every declaration, and ending one (with why). */
export function AdminConflictsPage() {
  const queryClient = useQueryClient()
  const all = useQuery({ queryKey: ['conflicts', 'all'], queryFn: () => api<Conflicts>('GET', '/api/conflicts') })
  const [ending, setEnding] = useState<string | null>(null)
  const end = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: unknown }) =>
      api('POST', `/api/conflicts/${id}/end`, { reason }),
    onSuccess: () => {
      setEnding(null)
      void queryClient.invalidateQueries({ queryKey: ['conflicts'] })
    },
  })
  if (all.isLoading) return <Loading />
  const list = all.data?.conflicts ?? []
  return (
    <>
      <h1 className="govuk-heading-l">Conflicts of interest</h1>
      <ErrorSummary error={all.error} />
      {list.length === 0 && <p className="govuk-body">Nobody has declared a family they know.</p>}
      {list.map((c) => (
        <div key={c.id} className="hearth-card govuk-!-margin-bottom-3">
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>{c.personName}</strong> knows the family {c.familyReference}: {c.reason} (declared{' '}
            {when(c.declaredAt)})
          </p>
          {c.endedAt ? (
            <p className="govuk-body-s">
              Ended {when(c.endedAt)}: {c.endReason}
            </p>
          ) : ending === c.id ? (
            <FormScope name={`end-${c.id}`}>
              <ErrorSummary error={end.error} />
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault()
                  end.mutate({ id: c.id, reason: new FormData(e.currentTarget).get('reason') })
                }}
              >
                <TextArea name="reason" label="Why it ends" rows={2} error={end.error} />
                <Button disabled={end.isPending}>End it</Button>
              </form>
            </FormScope>
          ) : (
            <Button secondary type="button" onClick={() => setEnding(c.id)}>
              End this declaration
            </Button>
          )}
        </div>
      ))}
    </>
  )
}
