import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { FamilyContact as FamilyContactView } from '@hearth/contracts/contact'
import { api } from '../../api'
import { Button, ErrorSummary, TextArea } from '../../components/govuk'
import { dateTime } from '../../components/time'

type Contact = z.infer<typeof FamilyContactView>

/**
 * Whether Hearth may write to the family by itself. While a hold is open, letters, visit
 * confirmations and invitations wait here for the lead's decision; the lead lifts a hold or decides
 * about each held letter, always saying why.
 */
export function FamilyContact({ familyId }: { familyId: string }) {
  const queryClient = useQueryClient()
  const contact = useQuery({
    queryKey: ['contact', familyId],
    queryFn: () => api<Contact>('GET', `/api/families/${familyId}/contact`),
  })
  const [marking, setMarking] = useState(false)
  const [deciding, setDeciding] = useState<{ kind: 'send' | 'withhold' | 'lift'; id: string } | null>(null)
  const done = (c: Contact) => {
    queryClient.setQueryData(['contact', familyId], c)
    void queryClient.invalidateQueries({ queryKey: ['tasks'] })
    setMarking(false)
    setDeciding(null)
  }
  const mark = useMutation({
    mutationFn: (note: string) => api<Contact>('POST', `/api/families/${familyId}/contact-holds`, { note }),
    onSuccess: done,
  })
  const decide = useMutation({
    mutationFn: (d: { kind: 'send' | 'withhold' | 'lift'; id: string; reason: string }) =>
      d.kind === 'lift'
        ? api<Contact>('POST', `/api/families/${familyId}/contact-holds/${d.id}/end`, { reason: d.reason })
        : api<Contact>('POST', `/api/tasks/${d.id}/held-decision`, { send: d.kind === 'send', reason: d.reason }),
    onSuccess: done,
  })
  const c = contact.data
  if (!c) return <ErrorSummary error={contact.error} />

  const reasonForm = (kind: 'send' | 'withhold' | 'lift', id: string, what: string) => (
    <form
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault()
        decide.mutate({ kind, id, reason: String(new FormData(e.currentTarget).get('contactReason') ?? '') })
      }}
    >
      <TextArea name="contactReason" field="reason" label={what} rows={2} error={decide.error} />
      <Button>Record the decision</Button>{' '}
      <Button type="button" secondary onClick={() => setDeciding(null)}>
        Cancel
      </Button>
    </form>
  )

  return (
    <section aria-labelledby={`contact-${familyId}`}>
      <h2 className="govuk-heading-m" id={`contact-${familyId}`}>
        Contact with the family
      </h2>
      <ErrorSummary error={mark.error ?? decide.error} />
      {c.holds.length === 0 ? (
        <p className="govuk-body">Hearth sends the family letters about their workers and visits by itself.</p>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Do not contact the family without checking with the lead. Letters and invitations wait for the lead’s
            decision.
          </strong>
        </div>
      )}
      {c.holds.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {c.holds.map((h) => (
            <li key={h.id}>
              {h.reasonText}
              {h.note ? `: “${h.note}”` : ''} (since {dateTime(h.startedAt)}
              {h.startedByName ? `, ${h.startedByName}` : ''}).{' '}
              {c.youAreLead && deciding?.id !== h.id && (
                <button
                  type="button"
                  className="govuk-link hearth-link-button"
                  onClick={() => setDeciding({ kind: 'lift', id: h.id })}
                >
                  Lift this hold
                </button>
              )}
              {deciding?.id === h.id && reasonForm('lift', h.id, 'Why is it safe to contact the family now?')}
            </li>
          ))}
        </ul>
      )}
      {c.held.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Waiting for the lead’s decision</h3>
          <ul className="govuk-list">
            {c.held.map((t) => (
              <li key={t.id} className="govuk-!-margin-bottom-4">
                <strong>{t.label}</strong> (made {dateTime(t.createdAt)})
                {t.details ? <span className="govuk-body-s">: {t.details}</span> : null}
                {c.youAreLead && deciding?.id !== t.id && (
                  <div className="govuk-button-group govuk-!-margin-top-2">
                    <Button type="button" secondary onClick={() => setDeciding({ kind: 'send', id: t.id })}>
                      Send it
                    </Button>
                    <Button type="button" secondary onClick={() => setDeciding({ kind: 'withhold', id: t.id })}>
                      Do not send
                    </Button>
                  </div>
                )}
                {deciding?.id === t.id &&
                  reasonForm(
                    deciding.kind,
                    t.id,
                    deciding.kind === 'send' ? 'Why is it safe to send now?' : 'Why should it not be sent?',
                  )}
              </li>
            ))}
          </ul>
          {!c.youAreLead && <p className="govuk-body">Only the family’s lead can decide about these.</p>}
        </>
      )}
      {!c.holds.some((h) => h.reason === 'lead_marked') &&
        (marking ? (
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              mark.mutate(String(new FormData(e.currentTarget).get('holdNote') ?? ''))
            }}
          >
            <TextArea
              name="holdNote"
              field="note"
              label="Why must the family not be contacted without checking?"
              hint="The enablers see that it is held; only the lead can lift it."
              rows={2}
              error={mark.error}
            />
            <Button>Hold contact with the family</Button>{' '}
            <Button type="button" secondary onClick={() => setMarking(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button type="button" secondary onClick={() => setMarking(true)}>
            Do not contact the family without checking
          </Button>
        ))}
    </section>
  )
}
