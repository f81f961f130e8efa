import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { RELATIONSHIP_KINDS } from '@hearth/domain/census-codes'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, SelectField, TextArea, TextField } from '../../components/govuk'

const KIND_WORDS: Record<(typeof RELATIONSHIP_KINDS)[number], string> = {
  parent: 'Parent',
  step_parent: 'Step-parent or a parent’s partner',
  carer: 'Carer',
  grandparent: 'Grandparent',
  sibling: 'Brother or sister',
  other_relative: 'Other relative',
  friend: 'Family friend',
  neighbour: 'Neighbour',
  professional: 'Professional',
  other: 'Someone else',
}
export const relationshipWords = (kind: string) =>
  (KIND_WORDS as Record<string, string>)[kind]?.toLowerCase() ?? kind.replace('_', ' ')

/**
 * Add a person in the children's lives (a parent, a mother's partner, a grandparent) and how they
 * are related to each child, from the family's page. The full network map comes with the
 * Relationships work; this is the everyday part of it.
 */
export function AddPerson({ familyId, kids }: { familyId: string; kids: { id: string; name: string }[] }) {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [formKey, setFormKey] = useState(0)
  const add = useMutation({
    mutationFn: async (f: FormData) => {
      const adult = await api<{ id: string; name: string }>('POST', `/api/families/${familyId}/adults`, {
        name: f.get('personName'),
        description: f.get('personDescription'),
        phone: f.get('personPhone'),
        livesWithFamily: f.get('personLivesWith') === 'yes',
      })
      for (const child of kids) {
        const kind = String(f.get(`kind-${child.id}`) ?? '')
        if (!kind) continue
        await api('POST', `/api/families/${familyId}/relationships`, {
          adultId: adult.id,
          childId: child.id,
          kind,
          strengths: f.get(`strengths-${child.id}`),
        })
      }
      return adult
    },
    onSuccess: (adult) => {
      setDone(`${adult.name} is added.`)
      setOpen(false)
      setFormKey((k) => k + 1)
      void queryClient.invalidateQueries({ queryKey: ['family', familyId] })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    add.mutate(new FormData(e.currentTarget))
  }
  return (
    <>
      {done && (
        <div className="govuk-inset-text" role="status">
          {done}
        </div>
      )}
      <details className="govuk-details" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Add a person in the children’s lives</span>
        </summary>
        <div className="govuk-details__text">
          <FormScope name="person">
            <ErrorSummary error={add.error} />
            <form key={formKey} onSubmit={submit} noValidate>
              <TextField
                name="personName"
                field="name"
                label="Their name"
                error={add.error}
                width="govuk-input--width-20"
              />
              <TextField
                name="personDescription"
                field="description"
                label="Who they are (optional)"
                hint="For example: Mum, Mum’s partner, Nan"
                error={add.error}
                width="govuk-input--width-20"
              />
              <TextField
                name="personPhone"
                field="phone"
                label="Phone (optional)"
                type="tel"
                error={add.error}
                width="govuk-input--width-20"
              />
              <SelectField
                name="personLivesWith"
                field="livesWithFamily"
                label="Do they live with the family?"
                options={[
                  { value: 'no', label: 'No' },
                  { value: 'yes', label: 'Yes' },
                ]}
                error={add.error}
              />
              {kids.map((c) => (
                <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={c.id}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">With {c.name}</legend>
                  <SelectField
                    name={`kind-${c.id}`}
                    field={`kind-${c.id}`}
                    label={`How are they related to ${c.name}?`}
                    options={[
                      { value: '', label: 'Not recorded' },
                      ...RELATIONSHIP_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] })),
                    ]}
                  />
                  <TextArea
                    name={`strengths-${c.id}`}
                    field={`strengths-${c.id}`}
                    label="What is going well between them (optional)"
                    rows={2}
                  />
                </fieldset>
              ))}
              <Button disabled={add.isPending}>Add the person</Button>
            </form>
          </FormScope>
        </div>
      </details>
    </>
  )
}
