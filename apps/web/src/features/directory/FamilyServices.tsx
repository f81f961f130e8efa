import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { z } from 'zod'
import type { FamilyServiceView } from '@hearth/contracts/directory'
import { londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import { ServiceSearch, type Service } from './DirectoryPage'
import { AskCommission } from '../insight/Commissioning'
import { Button, ErrorSummary, SelectField, TextArea, TextField, FormScope } from '../../components/govuk'

type Linked = z.infer<typeof FamilyServiceView>
const STATUS: Record<string, string> = { referred: 'Referred to', attending: 'Going to', finished: 'Finished with' }

/** Services on the family's plan ("referred to the young carers' group on 3 March"), and a way to add one. */
export function FamilyServices({ familyId }: { familyId: string }) {
  const queryClient = useQueryClient()
  const [chosen, setChosen] = useState<Service | null>(null)
  const list = useQuery({
    queryKey: ['family-services', familyId],
    queryFn: () => api<Linked[]>('GET', `/api/families/${familyId}/services`),
  })
  const add = useMutation({
    mutationFn: (body: unknown) => api<Linked>('POST', `/api/families/${familyId}/services`, body),
    onSuccess: () => {
      setChosen(null)
      void queryClient.invalidateQueries({ queryKey: ['family-services', familyId] })
      void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
    },
  })
  return (
    <section aria-labelledby="family-services-heading">
      <h2 className="govuk-heading-m" id="family-services-heading">
        Services on the plan
      </h2>
      {(list.data ?? []).length === 0 ? (
        <p className="govuk-body">No services recorded yet.</p>
      ) : (
        <ul className="govuk-list">
          {list.data!.map((l) => (
            <li key={l.id}>
              {STATUS[l.status]} {l.serviceName} ({l.organisationName}) on{' '}
              {new Date(`${l.onDate}T12:00:00Z`).toLocaleDateString('en-GB', {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
              })}
              {l.note ? `: ${l.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <FormScope name="service">
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add a service to the plan</span>
          </summary>
          <div className="govuk-details__text">
            {chosen ? (
              <>
                <ErrorSummary error={add.error} />
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault()
                    const f = new FormData(e.currentTarget)
                    add.mutate({
                      serviceId: chosen.id,
                      status: f.get('status'),
                      onDate: f.get('onDate'),
                      note: f.get('note'),
                    })
                  }}
                >
                  <h3 className="govuk-heading-s">{chosen.name}</h3>
                  <SelectField
                    name="status"
                    label="What has happened"
                    options={[
                      { value: 'referred', label: 'Referred' },
                      { value: 'attending', label: 'Going' },
                      { value: 'finished', label: 'Finished' },
                    ]}
                    error={add.error}
                  />
                  <TextField
                    name="onDate"
                    label="On"
                    hint="For example, 2026-03-27"
                    defaultValue={londonDateOf(new Date())}
                    error={add.error}
                    width="govuk-input--width-10"
                  />
                  <TextArea
                    name="note"
                    label="Note (optional)"
                    hint="What the family hopes for from it, in their words if you can."
                    error={add.error}
                    rows={2}
                  />
                  <div className="hearth-actions">
                    <Button disabled={add.isPending}>Add to the plan</Button>
                    <button type="button" className="govuk-link hearth-link-button" onClick={() => setChosen(null)}>
                      Choose another service
                    </button>
                  </div>
                </form>
              </>
            ) : (
              <ServiceSearch
                action={(s) => (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    aria-label={`Choose ${s.name}`}
                    onClick={() => setChosen(s)}
                  >
                    Choose
                  </button>
                )}
              />
            )}
          </div>
        </details>
      </FormScope>
      <AskCommission familyId={familyId} />
    </section>
  )
}
