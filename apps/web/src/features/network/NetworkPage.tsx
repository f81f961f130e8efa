import { useQuery } from '@tanstack/react-query'
import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { FamilyDetail } from '@hearth/contracts/families'
import {
  CLOSENESS,
  CLOSENESS_LIST,
  CONTACT_SAFE,
  CONTACT_SAFE_LIST,
  NETWORK_LINK_KIND_LIST,
  NETWORK_LINK_KINDS,
  NETWORK_PERSON_KIND_LIST,
  NETWORK_PERSON_KINDS,
  PARTNERSHIP_LIST,
  PARTNERSHIPS,
} from '@hearth/domain/network'
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
  TextField,
} from '../../components/govuk'
import { type Link, type Network, type Person, personWords, useNetwork, useNetworkChange } from './network-api'

// the drawing (React Flow and ELK, about 1.6 MB) loads only when a network page is opened
const NetworkMap = lazy(() => import('./NetworkMap').then((m) => ({ default: m.NetworkMap })))

const year = (v: FormDataEntryValue | null) => (v && String(v).trim() ? Number(String(v).trim()) : null)
const text = (v: FormDataEntryValue | null) => (v === null ? null : String(v))

/** "Grandparents", "Parents", "Children": the genogram's rows, named from the children's side. */
function rowName(generation: number, childRow: number | null): string {
  if (childRow === null) return `Generation ${generation + 1}`
  const d = childRow - generation
  if (d === 0) return 'The children’s generation'
  if (d === 1) return 'Their parents’ generation'
  if (d === 2) return 'Their grandparents’ generation'
  if (d > 2) return 'Their great-grandparents’ generation and before'
  return d === -1 ? 'The children’s children' : 'Later generations'
}

/**
 * The people around the children and how they are related, in words: the list every user gets,
 * and the one to edit with the keyboard. Nothing is deleted: people leave the network and
 * relationships end, dated, with why.
 */
export function NetworkPage() {
  const { id } = useParams()
  const familyId = id!
  useLiveEvents()
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api<z.infer<typeof FamilyDetail>>('GET', `/api/families/${familyId}`),
  })
  const network = useNetwork(familyId)
  const [connecting, setConnecting] = useState<{ fromId: string; toId: string } | null>(null)
  const [chosen, setChosen] = useState<Link | null>(null)
  if (network.isLoading || family.isLoading) return <Loading />
  const n = network.data
  const name = (personId: string) => n?.people.find((p) => p.id === personId)?.name ?? 'Someone'
  const childRow = n?.people.find((p) => p.childId)?.generation ?? null
  const family_ = n?.people.filter((p) => p.kind === 'family') ?? []
  const rows = [...new Set(family_.map((p) => p.generation))].sort((a, b) => a - b)
  const others = n?.people.filter((p) => p.kind !== 'family') ?? []
  return (
    <>
      <BackLink to={`/families/${familyId}`}>Back to the family</BackLink>
      <ErrorSummary error={network.error ?? family.error} />
      {family.data && <span className="govuk-caption-l">{family.data.name}</span>}
      <h1 className="govuk-heading-l">The people around the children</h1>
      <p className="govuk-body">
        Family, friends and professionals, and how they are related. Nobody is deleted: when someone leaves the
        children’s lives, or a relationship ends, say why and it is kept in the history.
      </p>
      {n && n.conflicts.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            These relationships do not fit with the others, so the family tree leaves them out: {n.conflicts.join('; ')}
            .
          </strong>
        </div>
      )}
      {n && (
        <>
          <Suspense fallback={<Loading />}>
            <NetworkMap
              network={n}
              familyName={family.data?.name ?? ''}
              onConnect={(fromId, toId) => {
                setChosen(null)
                setConnecting({ fromId, toId })
              }}
              onAddPerson={() => {
                const name = document
                  .getElementById('network-add-person')
                  ?.closest('section')
                  ?.querySelector<HTMLInputElement>('input[name="name"]')
                name?.scrollIntoView({ block: 'center' })
                name?.focus()
              }}
              onSelectLink={(l) => {
                setConnecting(null)
                setChosen(l)
              }}
            />
          </Suspense>
          {connecting && <ConnectPanel network={n} {...connecting} name={name} onClose={() => setConnecting(null)} />}
          {chosen && (
            <ClosenessPanel
              network={n}
              link={n.links.find((l) => l.id === chosen.id) ?? chosen}
              onClose={() => setChosen(null)}
            />
          )}
          <section aria-labelledby="network-people">
            <h2 className="govuk-heading-m" id="network-people">
              Family
            </h2>
            {rows.map((g) => (
              <div key={g}>
                <h3 className="govuk-heading-s">{rowName(g, childRow)}</h3>
                <ul className="govuk-list">
                  {family_
                    .filter((p) => p.generation === g)
                    .map((p) => (
                      <li key={p.id}>
                        <PersonItem person={p} network={n} />
                      </li>
                    ))}
                </ul>
              </div>
            ))}
            {others.length > 0 && (
              <>
                <h2 className="govuk-heading-m">Professionals and community</h2>
                <ul className="govuk-list">
                  {others.map((p) => (
                    <li key={p.id}>
                      <PersonItem person={p} network={n} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="network-links">
            <h2 className="govuk-heading-m" id="network-links">
              Relationships
            </h2>
            {n.links.length === 0 ? (
              <p className="govuk-body">None recorded yet.</p>
            ) : (
              <ul className="govuk-list">
                {n.links.map((l) => (
                  <li key={l.id}>
                    <LinkItem link={l} network={n} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AddPerson familyId={familyId} />
          <AddLink network={n} name={name} />
          {(n.ended.length > 0 || n.removed.length > 0) && (
            <section aria-labelledby="network-history">
              <h2 className="govuk-heading-m" id="network-history">
                No longer
              </h2>
              <ul className="govuk-list govuk-list--bullet">
                {n.removed.map((r) => (
                  <li key={r.id}>
                    {r.name} is no longer in the network (
                    {new Date(r.removedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })})
                    {r.reason ? `: ${r.reason}` : ''}
                  </li>
                ))}
                {n.ended.map((l) => (
                  <li key={l.id}>
                    Ended: {l.sentence}
                    {l.endedReason ? `. Why: ${l.endedReason}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  )
}

function PersonItem({ person, network }: { person: Person; network: Network }) {
  const [mode, setMode] = useState<null | 'change' | 'remove'>(null)
  const close = () => setMode(null)
  const change = useNetworkChange(network.familyId, 'PUT', `/people/${person.id}`, close)
  const remove = useNetworkChange(network.familyId, 'POST', `/people/${person.id}/remove`, close)
  const scope = `person-${person.id}`
  return (
    <div className="hearth-card govuk-!-margin-bottom-4" id={scope}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong>{personWords(person)}</strong>
      </p>
      <FormScope name={scope}>
        {mode === null && (
          <div className="govuk-button-group">
            <Button type="button" secondary onClick={() => setMode('change')}>
              Change<span className="govuk-visually-hidden"> {person.name}</span>
            </Button>
            <Button type="button" secondary onClick={() => setMode('remove')}>
              No longer in the network<span className="govuk-visually-hidden">: {person.name}</span>
            </Button>
          </div>
        )}
        {mode === 'change' && (
          <ReasonForm
            mutation={change}
            reasonLabel="Why is it changing?"
            submit="Save the change"
            onCancel={close}
            body={(f) => ({ ...personBody(f), version: person.version })}
          >
            <PersonFields error={change.error} person={person} />
          </ReasonForm>
        )}
        {mode === 'remove' && (
          <ReasonForm
            mutation={remove}
            reasonLabel={`Why is ${person.name} no longer in the network?`}
            reasonHint="Their relationships here end today. Nothing is deleted."
            submit="Confirm"
            onCancel={close}
          />
        )}
      </FormScope>
    </div>
  )
}

const personBody = (f: FormData) => ({
  name: text(f.get('name')),
  kind: f.get('kind') ?? undefined,
  role: text(f.get('role')),
  sex: f.get('sex') || null,
  bornYear: year(f.get('bornYear')),
  diedYear: year(f.get('diedYear')),
  inHousehold: f.getAll('inHousehold').includes('yes'),
})

function PersonFields({ error, person }: { error: unknown; person?: Person }) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={person?.name} error={error} width="govuk-input--width-20" />
      <Radios
        name="kind"
        label="Who are they to the children?"
        options={NETWORK_PERSON_KIND_LIST.map((k) => ({ value: k, label: NETWORK_PERSON_KINDS[k] }))}
        defaultValue={person?.kind ?? 'family'}
        error={error}
      />
      <TextField
        name="role"
        label="In a few words (optional)"
        hint="For example, Mum’s mum; class teacher at Moor Lane; neighbour at number 4"
        defaultValue={person?.role ?? ''}
        error={error}
        width="govuk-input--width-30"
      />
      <Radios
        name="sex"
        label="Sex, for the family tree (optional)"
        options={[
          { value: 'F', label: 'Female' },
          { value: 'M', label: 'Male' },
          { value: 'U', label: 'Not known' },
        ]}
        defaultValue={person?.sex ?? undefined}
        error={error}
      />
      <TextField
        name="bornYear"
        label="Year born (optional)"
        defaultValue={person?.bornYear ? String(person.bornYear) : ''}
        inputMode="numeric"
        error={error}
        width="govuk-input--width-4"
      />
      <TextField
        name="diedYear"
        label="Year died, if they have died (optional)"
        defaultValue={person?.diedYear ? String(person.diedYear) : ''}
        inputMode="numeric"
        error={error}
        width="govuk-input--width-4"
      />
      <Checkboxes
        name="inHousehold"
        label="Household"
        options={[{ value: 'yes', label: 'Lives with the family' }]}
        defaultChecked={person?.inHousehold ? ['yes'] : []}
        error={error}
      />
    </>
  )
}

function AddPerson({ familyId }: { familyId: string }) {
  const [formKey, setFormKey] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const add = useNetworkChange(familyId, 'POST', '/people', () => setFormKey((k) => k + 1))
  return (
    <section aria-labelledby="network-add-person">
      <h2 className="govuk-heading-m" id="network-add-person">
        Add someone
      </h2>
      <p className="govuk-body" role="status">
        {said}
      </p>
      <FormScope name="network-add-person">
        <ErrorSummary error={add.error} />
        <form
          key={formKey}
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault()
            const body = personBody(new FormData(e.currentTarget))
            setSaid(null)
            add.mutate(body, { onSuccess: () => setSaid(`${body.name} is in the network.`) })
          }}
        >
          <PersonFields error={add.error} />
          <Button disabled={add.isPending}>Add to the network</Button>
        </form>
      </FormScope>
    </section>
  )
}

const linkBody = (f: FormData) => ({
  kind: f.get('kind') || undefined,
  partnership: f.get('partnership') || null,
  closeness: f.get('closeness') ?? undefined,
  contactSafe: f.get('contactSafe') ?? undefined,
  support: f.get('support') ?? undefined,
  good: text(f.get('good')),
  worries: text(f.get('worries')),
})

function LinkFields({ error, link }: { error: unknown; link?: Link }) {
  const [kind, setKind] = useState(link?.kind ?? '')
  return (
    <>
      {!link && (
        <SelectField
          name="kind"
          label="How are they related?"
          options={[
            { value: '', label: 'Choose' },
            ...NETWORK_LINK_KIND_LIST.map((k) => ({
              value: k,
              label: `The first ${NETWORK_LINK_KINDS[k]} the second`,
            })),
          ]}
          value={kind}
          onChange={setKind}
          error={error}
        />
      )}
      {kind === 'partner_of' && (
        <SelectField
          name="partnership"
          label="Their partnership"
          options={[
            { value: '', label: 'Not said' },
            ...PARTNERSHIP_LIST.map((p) => ({ value: p, label: PARTNERSHIPS[p] })),
          ]}
          defaultValue={link?.partnership ?? ''}
          error={error}
        />
      )}
      <Radios
        name="closeness"
        label="How close are they?"
        options={CLOSENESS_LIST.map((c) => ({ value: c, label: CLOSENESS[c] }))}
        defaultValue={link?.closeness ?? 'ordinary'}
        error={error}
      />
      <SelectField
        name="contactSafe"
        label="Is contact between them safe?"
        options={CONTACT_SAFE_LIST.map((c) => ({ value: c, label: CONTACT_SAFE[c] }))}
        defaultValue={link?.contactSafe ?? 'unknown'}
        error={error}
      />
      <SelectField
        name="support"
        label="Who supports whom?"
        options={[
          { value: 'none', label: 'Neither, or not known' },
          { value: 'from_to', label: 'The first supports the second' },
          { value: 'to_from', label: 'The second supports the first' },
          { value: 'both', label: 'Both ways' },
        ]}
        defaultValue={link?.support ?? 'none'}
        error={error}
      />
      <TextArea
        name="good"
        label="What is good about it (optional)"
        rows={2}
        defaultValue={link?.good ?? ''}
        error={error}
      />
      <TextArea
        name="worries"
        label="What worries people about it (optional)"
        rows={2}
        defaultValue={link?.worries ?? ''}
        error={error}
      />
    </>
  )
}

function LinkItem({ link, network }: { link: Link; network: Network }) {
  const [mode, setMode] = useState<null | 'change' | 'end'>(null)
  const close = () => setMode(null)
  const change = useNetworkChange(network.familyId, 'PUT', `/links/${link.id}`, close)
  const end = useNetworkChange(network.familyId, 'POST', `/links/${link.id}/end`, close)
  const scope = `link-${link.id}`
  const facts = [
    CLOSENESS[link.closeness],
    link.contactSafe !== 'unknown' ? `contact: ${CONTACT_SAFE[link.contactSafe].toLowerCase()}` : null,
  ].filter(Boolean)
  return (
    <div className="hearth-card govuk-!-margin-bottom-4" id={scope}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        {link.contactSafe === 'no' && <strong className="govuk-tag govuk-tag--red hearth-tag-after">Not safe</strong>}
        <strong>{link.sentence}</strong>. {facts.join('; ')}.
      </p>
      {link.good && <p className="govuk-body govuk-!-margin-bottom-1">Good: {link.good}</p>}
      {link.worries && <p className="govuk-body govuk-!-margin-bottom-1">Worries: {link.worries}</p>}
      <FormScope name={scope}>
        {mode === null && (
          <div className="govuk-button-group">
            <Button type="button" secondary onClick={() => setMode('change')}>
              Change<span className="govuk-visually-hidden">: {link.sentence}</span>
            </Button>
            <Button type="button" secondary onClick={() => setMode('end')}>
              End<span className="govuk-visually-hidden">: {link.sentence}</span>
            </Button>
          </div>
        )}
        {mode === 'change' && (
          <ReasonForm
            mutation={change}
            reasonLabel="Why is it changing?"
            submit="Save the change"
            onCancel={close}
            body={(f) => ({ ...linkBody(f), kind: link.kind, version: link.version })}
          >
            <LinkFields error={change.error} link={link} />
          </ReasonForm>
        )}
        {mode === 'end' && (
          <ReasonForm mutation={end} reasonLabel="Why has it ended?" submit="End the relationship" onCancel={close} />
        )}
      </FormScope>
    </div>
  )
}

function AddLink({ network, name }: { network: Network; name: (id: string) => string }) {
  const [formKey, setFormKey] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const add = useNetworkChange(network.familyId, 'POST', '/links', () => setFormKey((k) => k + 1))
  const people = [{ value: '', label: 'Choose' }, ...network.people.map((p) => ({ value: p.id, label: p.name }))]
  return (
    <section aria-labelledby="network-add-link">
      <h2 className="govuk-heading-m" id="network-add-link">
        Record a relationship
      </h2>
      <p className="govuk-body" role="status">
        {said}
      </p>
      <FormScope name="network-add-link">
        <ErrorSummary error={add.error} />
        <form
          key={formKey}
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault()
            const f = new FormData(e.currentTarget)
            const fromId = String(f.get('fromId') ?? '')
            const toId = String(f.get('toId') ?? '')
            setSaid(null)
            add.mutate(
              { fromId: fromId || undefined, toId: toId || undefined, ...linkBody(f) },
              { onSuccess: () => setSaid(`Recorded: how ${name(fromId)} and ${name(toId)} are related.`) },
            )
          }}
        >
          <SelectField name="fromId" label="The first person" options={people} error={add.error} />
          <LinkFields error={add.error} />
          <SelectField name="toId" label="The second person" options={people} error={add.error} />
          <Button disabled={add.isPending}>Record the relationship</Button>
        </form>
      </FormScope>
    </section>
  )
}

/** After a drag from one person to another on the drawing: how are they related? */
function ConnectPanel({
  network,
  fromId,
  toId,
  name,
  onClose,
}: {
  network: Network
  fromId: string
  toId: string
  name: (id: string) => string
  onClose: () => void
}) {
  const add = useNetworkChange(network.familyId, 'POST', '/links', onClose)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section aria-labelledby="network-connect" className="hearth-card govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="network-connect" tabIndex={-1} ref={heading}>
        How are {name(fromId)} and {name(toId)} related?
      </h2>
      <FormScope name="network-connect">
        <ErrorSummary error={add.error} />
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault()
            add.mutate({ fromId, toId, ...linkBody(new FormData(e.currentTarget)) })
          }}
        >
          <LinkFields error={add.error} />
          <div className="govuk-button-group">
            <Button disabled={add.isPending}>Record the relationship</Button>
            <Button type="button" secondary onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      </FormScope>
    </section>
  )
}

/** After choosing a line on the drawing: how close are they now, and why it changed. */
function ClosenessPanel({ network, link, onClose }: { network: Network; link: Link; onClose: () => void }) {
  const change = useNetworkChange(network.familyId, 'PUT', `/links/${link.id}`, onClose)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section aria-labelledby="network-closeness" className="hearth-card govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="network-closeness" tabIndex={-1} ref={heading}>
        {link.sentence}
      </h2>
      <FormScope name="network-closeness">
        <ReasonForm
          mutation={change}
          reasonLabel="Why is it changing?"
          submit="Save"
          onCancel={onClose}
          body={(f) => ({
            kind: link.kind,
            partnership: link.partnership,
            closeness: f.get('closeness') ?? undefined,
            support: link.support,
            good: link.good,
            worries: link.worries,
            contactSafe: link.contactSafe,
            since: link.since,
            until: link.until,
            version: link.version,
          })}
        >
          <Radios
            name="closeness"
            label="How close are they now?"
            options={CLOSENESS_LIST.map((c) => ({ value: c, label: CLOSENESS[c] }))}
            defaultValue={link.closeness}
            error={change.error}
          />
        </ReasonForm>
      </FormScope>
    </section>
  )
}

/**
 * A change that needs to say why: its own fields (if any), then the reason, then save or cancel.
 * The reason is sent with what `body` reads from the form.
 */
function ReasonForm({
  mutation,
  reasonLabel,
  reasonHint,
  submit,
  onCancel,
  body = () => ({}),
  children,
}: {
  mutation: { mutate: (body: unknown) => void; error: unknown; isPending: boolean }
  reasonLabel: string
  reasonHint?: string
  submit: string
  onCancel: () => void
  body?: (form: FormData) => Record<string, unknown>
  children?: ReactNode
}) {
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault()
        const f = new FormData(e.currentTarget)
        mutation.mutate({ ...body(f), reason: text(f.get('reason')) })
      }}
    >
      <ErrorSummary error={mutation.error} />
      {children}
      <TextField
        name="reason"
        label={reasonLabel}
        hint={reasonHint}
        error={mutation.error}
        width="govuk-input--width-30"
      />
      <div className="govuk-button-group">
        <Button disabled={mutation.isPending}>{submit}</Button>
        <Button type="button" secondary onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
