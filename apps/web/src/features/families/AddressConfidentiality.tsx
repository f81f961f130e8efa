import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { FamilyWorkers } from '@hearth/contracts'
import { api } from '../../api'
import { Button, Checkboxes, ErrorSummary, FormScope, TextArea } from '../../components/govuk'

/**
 * Keep the family's address confidential (a refuge; somewhere a parent must not find them): it
 * is then shown only to the staff named, never on a letter, the family's link or a list.
 */
export function AddressConfidentiality(props: {
  familyId: string
  confidential: boolean
  visible: boolean
  shownTo: string[]
}) {
  const queryClient = useQueryClient()
  const workers = useQuery({
    queryKey: ['workers', props.familyId],
    queryFn: () => api<z.infer<typeof FamilyWorkers>>('GET', `/api/families/${props.familyId}/workers`),
  })
  const [done, setDone] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: unknown) => api('PUT', `/api/families/${props.familyId}/address-confidentiality`, body),
    onSuccess: (_r, body) => {
      setDone(
        (body as { confidential: boolean }).confidential
          ? 'The address is now confidential.'
          : 'The address is no longer confidential.',
      )
      void queryClient.invalidateQueries({ queryKey: ['family', props.familyId] })
    },
  })
  if (!props.visible)
    return (
      <p className="govuk-inset-text">
        This family’s address is confidential. Only the staff named on it can see it; letters are given by hand.
      </p>
    )
  const people = [...(workers.data?.lead ? [workers.data.lead] : []), ...(workers.data?.coWorkers ?? [])]
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    save.mutate({ confidential: true, shownTo: f.getAll('shownTo'), reason: f.get('reason') })
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {props.confidential ? 'The address is confidential: who may see it' : 'Keep this address confidential'}
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body" role="status">
          {done}
        </p>
        <FormScope name="address-confidentiality">
          <ErrorSummary error={save.error} />
          <form onSubmit={submit} noValidate>
            <TextArea
              name="reason"
              label="Why is the address confidential?"
              hint="For example: the family is in a refuge"
              rows={2}
              error={save.error}
            />
            {people.length > 0 && (
              <Checkboxes
                name="shownTo"
                label="Who else may see it (you always can)"
                options={people.map((p) => ({ value: p.personId, label: p.name }))}
                defaultChecked={props.shownTo}
                error={save.error}
              />
            )}
            <Button disabled={save.isPending}>
              {props.confidential ? 'Save who may see it' : 'Keep it confidential'}
            </Button>
            {props.confidential && (
              <Button
                secondary
                type="button"
                disabled={save.isPending}
                onClick={() => save.mutate({ confidential: false, shownTo: [] })}
              >
                It is no longer confidential
              </Button>
            )}
          </form>
        </FormScope>
      </div>
    </details>
  )
}
