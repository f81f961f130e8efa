import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { FamilyWorkers } from '@hearth/contracts'
import { api } from '../../api'
import { Button, Checkboxes, ErrorSummary, FormScope, TextArea } from '../../components/govuk'

/**
 * Restrict the record (a child placed for adoption; a family of a member of staff; a case in the
 * news): only the staff named see it; for everyone else it is not found, anywhere.
 */
export function Restriction(props: { familyId: string; restricted: boolean; restrictedTo: string[] }) {
  const queryClient = useQueryClient()
  const workers = useQuery({
    queryKey: ['workers', props.familyId],
    queryFn: () => api<z.infer<typeof FamilyWorkers>>('GET', `/api/families/${props.familyId}/workers`),
  })
  const [done, setDone] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: unknown) => api('PUT', `/api/families/${props.familyId}/restriction`, body),
    onSuccess: (_r, body) => {
      setDone(
        (body as { restricted: boolean }).restricted ? 'The record is now restricted.' : 'The restriction is lifted.',
      )
      void queryClient.invalidateQueries({ queryKey: ['family', props.familyId] })
    },
  })
  const people = [...(workers.data?.lead ? [workers.data.lead] : []), ...(workers.data?.coWorkers ?? [])]
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    save.mutate({ restricted: true, namedPeople: f.getAll('namedPeople'), reason: f.get('reason') })
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {props.restricted ? 'This record is restricted: who may see it' : 'Restrict this record'}
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body" role="status">
          {done}
        </p>
        <FormScope name="restriction">
          <ErrorSummary error={save.error} />
          <form onSubmit={submit} noValidate>
            <TextArea
              name="reason"
              label="Why is the record restricted?"
              hint="For example: the child is placed for adoption"
              rows={2}
              error={save.error}
            />
            {people.length > 0 && (
              <Checkboxes
                name="namedPeople"
                label="Who else may see it (you always can)"
                options={people.map((p) => ({ value: p.personId, label: p.name }))}
                defaultChecked={props.restrictedTo}
                error={save.error}
              />
            )}
            <Button disabled={save.isPending}>
              {props.restricted ? 'Save who may see it' : 'Restrict the record'}
            </Button>
            {props.restricted && (
              <Button
                secondary
                type="button"
                disabled={save.isPending}
                onClick={() => save.mutate({ restricted: false, namedPeople: [] })}
              >
                Lift the restriction
              </Button>
            )}
          </form>
        </FormScope>
      </div>
    </details>
  )
}
