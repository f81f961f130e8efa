import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { FamilyWorkers } from '@hearth/contracts/team-board'
import { CONVERSATION_STAGES } from '@hearth/domain/allocation'
import { api } from '../../api'
import { Button, Checkboxes, ErrorSummary, FormScope, Radios, TextField } from '../../components/govuk'

/**
 * Which of the Three Conversations the family is in, and moving it: a decision of the team
 * holding the family, with a reason and who was there, kept in the decisions log and on the
 * chronology. Never a silent edit.
 */
export function FamilyConversation({ familyId, stage }: { familyId: string; stage: number }) {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const workers = useQuery({
    queryKey: ['workers', familyId],
    queryFn: () => api<z.infer<typeof FamilyWorkers>>('GET', `/api/families/${familyId}/workers`),
  })
  const move = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/families/${familyId}/conversation`, body),
    onSuccess: (_r, body) => {
      setOpen(false)
      setDone(`The team moved the family to conversation ${(body as { stage: number }).stage}.`)
      void queryClient.invalidateQueries({ queryKey: ['family', familyId] })
      void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
    },
  })
  const people = [workers.data?.lead, ...(workers.data?.coWorkers ?? [])].filter((w): w is NonNullable<typeof w> => !!w)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    move.mutate({
      stage: Number(f.get('stage')) || undefined,
      reason: f.get('reason'),
      presentIds: f.getAll('presentIds'),
    })
  }
  const current = CONVERSATION_STAGES[stage as 1 | 2 | 3] ?? `Conversation ${stage}`
  return (
    <section aria-labelledby="conversation-heading">
      <h2 className="govuk-heading-m" id="conversation-heading">
        Conversation
      </h2>
      <p className="govuk-body">{current}</p>
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
      {open ? (
        <FormScope name="stage">
          <ErrorSummary error={move.error} />
          <form onSubmit={submit} noValidate>
            <Radios
              name="stage"
              label="Which conversation is the family in now?"
              options={([1, 2, 3] as const)
                .filter((s) => s !== stage)
                .map((s) => ({ value: String(s), label: CONVERSATION_STAGES[s] }))}
              error={move.error}
            />
            <TextField
              name="reason"
              label="Why the team decided this"
              error={move.error}
              width="govuk-input--width-30"
            />
            <Checkboxes
              name="presentIds"
              label="Who was there"
              options={people.map((p) => ({ value: p.personId, label: p.name }))}
              error={move.error}
            />
            <Button disabled={move.isPending}>Record the team’s decision</Button>
          </form>
        </FormScope>
      ) : (
        <Button type="button" secondary onClick={() => setOpen(true)}>
          Move to another conversation
        </Button>
      )}
    </section>
  )
}
