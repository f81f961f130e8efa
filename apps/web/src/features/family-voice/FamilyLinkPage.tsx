import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link as RouterLink, useParams } from 'react-router'
import type { z } from 'zod'
import type { FamilyDetail } from '@hearth/contracts/families'
import { LINK_LANGUAGE_LIST, LINK_LANGUAGES } from '@hearth/domain/family-voice'
import { api } from '../../api'
import { useLiveEvents } from '../../live'
import {
  BackLink,
  Button,
  Checkboxes,
  ErrorSummary,
  FormScope,
  Loading,
  Radios,
  SelectField,
  TextArea,
} from '../../components/govuk'
import { FamilySaid } from './FamilySaid'
import { type Link, type Made, STATE_WORDS, useVoice, type Voice, when } from './voice-api'
import { count } from '../../components/time'

/**
 * The family's private link, for the team that works with them: issue one (shown once, with its
 * QR code, or sent by letter), see what the family will see, stop or renew one, and read and
 * answer what the family says through it.
 */
export function FamilyLinkPage() {
  const { id } = useParams()
  const familyId = id!
  useLiveEvents()
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api<z.infer<typeof FamilyDetail>>('GET', `/api/families/${familyId}`),
  })
  const voice = useVoice(familyId)
  const [made, setMade] = useState<Made | null>(null)
  if (voice.isLoading || family.isLoading) return <Loading />
  const v = voice.data
  return (
    <>
      <BackLink to={`/families/${familyId}`}>Back to the family</BackLink>
      <ErrorSummary error={voice.error ?? family.error} />
      {family.data && <span className="govuk-caption-l">{family.data.name}</span>}
      <h1 className="govuk-heading-l">The family’s link</h1>
      <p className="govuk-body">
        A private page for the family, with no account: who their workers are, their visits, their plan, and a way to
        tell you how things are going, ask to move a visit, raise a worry or complain. It never shows notes, the
        chronology or anyone else’s details.
      </p>
      {v && (
        <>
          {v.holds.length > 0 && (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Contact with the family is held: {v.holds.map((h) => h.reason.toLowerCase()).join('; ')}. Links show
                nothing new until the lead decides, and a new link needs the lead’s decision.
              </strong>
            </div>
          )}
          {made && <MadeLink made={made} onDone={() => setMade(null)} />}
          <p className="govuk-body">
            <RouterLink className="govuk-link" to={`/families/${familyId}/family-link/preview`}>
              See exactly what the family will see
            </RouterLink>
            {' · '}
            <RouterLink className="govuk-link" to={`/families/${familyId}/family-meetings`}>
              Family group conferences
            </RouterLink>
          </p>
          <Said voice={v} />
          <Links voice={v} />
          {!made && <IssueLink voice={v} onMade={setMade} />}
        </>
      )}
    </>
  )
}

function MadeLink({ made, onDone }: { made: Made; onDone: () => void }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation hearth-made-link" role="status">
      <h2 className="govuk-panel__title govuk-!-font-size-27">Link made for {made.link.issuedTo.name}</h2>
      <div className="govuk-panel__body govuk-!-font-size-19">
        <p>This is the only time the link is shown. {made.taskId ? 'The letter with it is with the enablers.' : ''}</p>
        {made.url && made.qrSvg ? (
          <>
            <p className="hearth-qr">
              <img src={`data:image/svg+xml;base64,${btoa(made.qrSvg)}`} alt="QR code of the family’s link" />
            </p>
            <p className="hearth-break-all">
              <span className="govuk-visually-hidden">The link: </span>
              <code>{made.url}</code>
            </p>
          </>
        ) : (
          <p>The link was shown when it was made and is not kept. If it was lost, stop it and issue a new one.</p>
        )}
        {made.code && (
          <p>
            Their code: <strong className="hearth-code">{made.code}</strong>. Give it to them separately (in person or
            by phone), not with the link.
          </p>
        )}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>
          I have given it to them
        </button>
      </div>
    </div>
  )
}

function Said({ voice }: { voice: Voice }) {
  return (
    <section aria-labelledby="said-heading">
      <h2 className="govuk-heading-m" id="said-heading">
        What the family said
      </h2>
      {voice.messages.length === 0 ? (
        <p className="govuk-body">Nothing yet.</p>
      ) : (
        voice.messages.map((m) => <FamilySaid key={m.id} m={m} />)
      )}
    </section>
  )
}

function Links({ voice }: { voice: Voice }) {
  if (!voice.links.length) return null
  return (
    <section aria-labelledby="links-heading">
      <h2 className="govuk-heading-m" id="links-heading">
        Links issued
      </h2>
      {voice.links.map((l) => (
        <LinkRow key={l.id} link={l} voice={voice} />
      ))}
    </section>
  )
}

function LinkRow({ link, voice }: { link: Link; voice: Voice }) {
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<null | 'revoke' | 'decide'>(null)
  const change = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api('POST', `/api/family-links/${link.id}/${path}`, body),
    onSuccess: () => {
      setMode(null)
      void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
    },
  })
  const submit = (path: string) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    change.mutate({ path, body: { reason: new FormData(e.currentTarget).get('reason') } })
  }
  return (
    <div className="hearth-card govuk-!-margin-bottom-4">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {link.issuedTo.name}{' '}
        <strong className={`govuk-tag ${link.state === 'active' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
          {STATE_WORDS[link.state]}
        </strong>
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        In {LINK_LANGUAGES[link.language].name}
        {link.hasCode ? ', with a code' : ''}. Issued by {link.createdByName} on {when(link.createdAt)}.{' '}
        {link.state === 'revoked'
          ? `Stopped ${when(link.revokedAt!)}: ${link.revokeReason}`
          : `${link.state === 'expired' ? 'Ended' : 'Works until'} ${when(link.expiresAt)}.`}{' '}
        {link.lastOpenedAt ? `Last opened ${when(link.lastOpenedAt)}.` : 'Not opened yet.'}
      </p>
      {link.holdDecision && (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          The lead’s decision while contact is held ({when(link.holdDecisionAt!)}): {link.holdDecision}
        </p>
      )}
      <FormScope name={`link-${link.id}`}>
        <ErrorSummary error={change.error} />
        {mode === 'revoke' && (
          <form onSubmit={submit('revoke')} noValidate>
            <TextArea name="reason" label="Why stop it?" rows={2} error={change.error} />
            <Button disabled={change.isPending}>Stop the link now</Button>
          </form>
        )}
        {mode === 'decide' && (
          <form onSubmit={submit('hold-decision')} noValidate>
            <TextArea
              name="reason"
              label="Why may the family see what is new while contact is held?"
              rows={2}
              error={change.error}
            />
            <Button disabled={change.isPending}>Record the decision</Button>
          </form>
        )}
        {!mode && link.state !== 'revoked' && (
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <Button secondary type="button" onClick={() => setMode('revoke')}>
              Stop this link
            </Button>
            <Button
              secondary
              type="button"
              disabled={change.isPending}
              onClick={() => change.mutate({ path: 'renew', body: {} })}
            >
              Give it another {count(voice.linkDays, 'day')}
            </Button>
            {voice.isLead && voice.holds.length > 0 && (
              <Button secondary type="button" onClick={() => setMode('decide')}>
                Decide about the hold
              </Button>
            )}
          </div>
        )}
      </FormScope>
    </div>
  )
}

function IssueLink({ voice, onMade }: { voice: Voice; onMade: (m: Made) => void }) {
  const queryClient = useQueryClient()
  const issue = useMutation({
    mutationFn: (body: unknown) => api<Made>('POST', `/api/families/${voice.familyId}/family-links`, body),
    onSuccess: (m) => {
      onMade(m)
      void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
    },
  })
  if (!voice.people.length)
    return (
      <p className="govuk-body">
        Add the family’s adults (or a young person aged 12 or over) on the family’s page first: a link is issued to one
        named person.
      </p>
    )
  const held = voice.holds.length > 0
  if (held && !voice.isLead)
    return <p className="govuk-body">While contact is held, only the family’s lead can issue a link.</p>
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const [kind, personId] = String(f.get('person') ?? ':').split(':')
    issue.mutate({
      adultId: kind === 'adult' ? personId : null,
      childId: kind === 'child' ? personId : null,
      language: f.get('language'),
      withCode: f.getAll('withCode').includes('yes'),
      send: f.get('send') ?? undefined,
      ...(held ? { holdDecision: f.get('holdDecision') } : {}),
    })
  }
  return (
    <section aria-labelledby="issue-heading">
      <h2 className="govuk-heading-m" id="issue-heading">
        Issue a link
      </h2>
      <FormScope name="issue-link">
        <ErrorSummary error={issue.error} />
        <form onSubmit={submit} noValidate>
          <Radios
            name="person"
            field="adultId"
            label="Who is it for?"
            hint="One named person. A young person must be of an age to use it safely."
            options={voice.people.map((p) => ({ value: `${p.kind}:${p.id}`, label: p.name }))}
            error={issue.error}
          />
          <SelectField
            name="language"
            label="Language"
            options={LINK_LANGUAGE_LIST.map((l) => ({ value: l, label: LINK_LANGUAGES[l].name }))}
            defaultValue={voice.people[0]?.language}
            error={issue.error}
          />
          <Radios
            name="send"
            label="How will they get it?"
            options={[
              { value: 'in_person', label: 'I will give it to them now (QR code on screen)' },
              { value: 'letter', label: 'By letter, through the enablers' },
            ]}
            error={issue.error}
          />
          <Checkboxes
            name="withCode"
            label="A code as well?"
            options={[{ value: 'yes', label: 'Yes: a 6-number code I give them separately' }]}
            error={issue.error}
          />
          {held && (
            <TextArea
              name="holdDecision"
              label="Your decision as lead: why is it safe for the family to have a link now?"
              rows={3}
              error={issue.error}
            />
          )}
          <Button disabled={issue.isPending}>Issue the link</Button>
        </form>
      </FormScope>
    </section>
  )
}
