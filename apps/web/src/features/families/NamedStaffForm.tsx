import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { FamilyWorkers } from '@hearth/contracts/team-board'
import { api } from '../../api'
import { Button, Checkboxes, ErrorSummary, FormScope, TextArea } from '../../components/govuk'

/**
 * Something of the family kept to the staff named on it (a restricted record, a confidential
 * address): why, who else of the family's workers may see it, and lifting it. One form for both.
 */
export function NamedStaffForm(props: {
  familyId: string
  path: string
  /** The body's field for on/off and for the people named. */
  flag: string
  namedField: string
  on: boolean
  named: string[]
  words: {
    open: string
    closed: string
    reason: string
    hint: string
    save: string
    change: string
    lift: string
    done: string
    lifted: string
  }
}) {
  const queryClient = useQueryClient()
  const workers = useQuery({
    queryKey: ['workers', props.familyId],
    queryFn: () => api<z.infer<typeof FamilyWorkers>>('GET', `/api/families/${props.familyId}/workers`),
  })
  const [done, setDone] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api('PUT', props.path, body),
    onSuccess: (_r, body) => {
      setDone(body[props.flag] ? props.words.done : props.words.lifted)
      void queryClient.invalidateQueries({ queryKey: ['family', props.familyId] })
    },
  })
  const people = [...(workers.data?.lead ? [workers.data.lead] : []), ...(workers.data?.coWorkers ?? [])]
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    save.mutate({ [props.flag]: true, [props.namedField]: f.getAll(props.namedField), reason: f.get('reason') })
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{props.on ? props.words.open : props.words.closed}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body" role="status">
          {done}
        </p>
        <FormScope name={props.flag}>
          <ErrorSummary error={save.error} />
          <form onSubmit={submit} noValidate>
            <TextArea name="reason" label={props.words.reason} hint={props.words.hint} rows={2} error={save.error} />
            {people.length > 0 && (
              <Checkboxes
                name={props.namedField}
                label="Who else may see it (you always can)"
                options={people.map((p) => ({ value: p.personId, label: p.name }))}
                defaultChecked={props.named}
                error={save.error}
              />
            )}
            <Button disabled={save.isPending}>{props.on ? props.words.change : props.words.save}</Button>
            {props.on && (
              <Button
                secondary
                type="button"
                disabled={save.isPending}
                onClick={() => save.mutate({ [props.flag]: false, [props.namedField]: [] })}
              >
                {props.words.lift}
              </Button>
            )}
          </form>
        </FormScope>
      </div>
    </details>
  )
}
