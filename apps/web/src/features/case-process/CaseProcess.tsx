import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { CaseProcessView, StepView } from '@hearth/contracts/case-process'
import {
  type CaseStep,
  describeStep,
  ABUSE_CATEGORIES,
  AGENCIES,
  CLOSURE_REASONS,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  PP_OUTCOMES,
  STEP_DATES,
  STEP_KIND_LIST,
  STEP_KINDS,
  type StepKind,
} from '@hearth/domain/case-steps'
import { PRIMARY_NEED_CODES, REFERRAL_SOURCES } from '@hearth/domain/referrals'
import {
  CARE_ENDED_REASONS,
  PLACE_CHANGE_REASONS,
  PROVIDER_CODES,
  REVIEW_PARTICIPATION,
} from '@hearth/domain/ssda903-codes'
import { londonDateOf } from '@hearth/domain/working-days'
import { ApiError, api } from '../../api'
import {
  Button,
  Checkboxes,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../components/govuk'
import { DueTag, longDate } from './DueClocks'

type Step = z.infer<typeof StepView>
type View = z.infer<typeof CaseProcessView>
type Details = Record<string, unknown>

const options = (list: Record<string, string>, withCode = true) => [
  { value: '', label: 'Choose' },
  ...Object.entries(list).map(([value, label]) => ({ value, label: withCode ? `${label} (${value})` : label })),
]
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]
const bool = (f: FormData, name: string) => (f.get(name) === 'yes' ? true : f.get(name) === 'no' ? false : null)
const text = (f: FormData, name: string) => String(f.get(name) ?? '')
const orNull = (s: string) => (s === '' ? null : s)
const yn = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : undefined)

/** The kind's answers, read from the form as the API takes them. */
function detailsFrom(kind: StepKind, f: FormData): Details {
  switch (kind) {
    case 'episode':
      return {
        referralSource: text(f, 'referralSource') || undefined,
        primaryNeed: orNull(text(f, 'primaryNeed')),
        closureReason: orNull(text(f, 'closureReason')),
      }
    case 'strategy_discussion':
      return { agencies: f.getAll('agencies'), decision: text(f, 'decision') || undefined }
    case 's47':
      return { icpcRequired: bool(f, 'icpcRequired') }
    case 'conference':
      return {
        type: text(f, 'type') || undefined,
        decision: text(f, 'decision') || undefined,
        chair: text(f, 'chair'),
      }
    case 'cp_plan':
      return { category: text(f, 'category') || undefined, latestCategory: orNull(text(f, 'latestCategory')) }
    case 'statutory_visit':
      return { plan: text(f, 'plan') || undefined, seenAlone: bool(f, 'seenAlone') ?? undefined }
    case 'looked_after':
      return {
        legalStatus: text(f, 'legalStatus') || undefined,
        careLeaver: f.get('careLeaver') === 'yes',
        endReason: orNull(text(f, 'endReason')),
      }
    case 'legal_status':
      return { legalStatus: text(f, 'legalStatus') || undefined }
    case 'lac_review':
      return { participation: text(f, 'participation') || undefined }
    case 'placement':
      return {
        type: text(f, 'placementType') || undefined,
        provider: orNull(text(f, 'provider')),
        inArea: bool(f, 'inArea') ?? undefined,
        postcode: text(f, 'placementPostcode'),
        sameCarers: f.get('sameCarers') === 'yes',
        untilEighteen: f.get('untilEighteen') === 'yes',
        changeReason: orNull(text(f, 'changeReason')),
      }
    case 'health_assessment':
    case 'pep':
      return { type: text(f, 'assessmentType') || undefined }
    case 'missing_episode':
      return {
        kind: text(f, 'missingKind') || undefined,
        returnInterview: orNull(text(f, 'returnInterview')),
        returnInterviewOn: orNull(dateFromForm(f, 'returnInterviewOn')),
      }
    case 'pre_proceedings':
      return {
        lbpSentOn: orNull(dateFromForm(f, 'lbpSentOn')),
        fgdmOffered: bool(f, 'fgdmOffered'),
        fgdmNotOfferedReason: text(f, 'fgdmNotOfferedReason'),
        fgdmAccepted: bool(f, 'fgdmAccepted'),
        fgdmFacilitatedOn: orNull(dateFromForm(f, 'fgdmFacilitatedOn')),
        initialMeetingOn: orNull(dateFromForm(f, 'initialMeetingOn')),
        reviewMeetingDates: text(f, 'reviewMeetingDates')
          .split(/[\s,]+/)
          .filter(Boolean),
        stepDecision: orNull(text(f, 'stepDecision')),
        stepDecisionOn: orNull(dateFromForm(f, 'stepDecisionOn')),
        outcome: orNull(text(f, 'outcome')),
        courtApplicationOn: orNull(dateFromForm(f, 'courtApplicationOn')),
        letterInitiatingOn: orNull(dateFromForm(f, 'letterInitiatingOn')),
      }
    default:
      return {}
  }
}

/** The fields of one kind of step, with the answers already given when correcting it. */
function KindFields({ kind, d, error }: { kind: StepKind; d: Details; error: unknown }) {
  const f = (name: string) => `body.details.${name}`
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined)
  switch (kind) {
    case 'episode':
      return (
        <>
          <SelectField
            name="referralSource"
            field={f('referralSource')}
            label="Who referred"
            options={options(REFERRAL_SOURCES)}
            defaultValue={s('referralSource')}
            error={error}
          />
          <SelectField
            name="primaryNeed"
            field={f('primaryNeed')}
            label="Primary need"
            options={options(PRIMARY_NEED_CODES)}
            defaultValue={s('primaryNeed')}
            error={error}
          />
          <SelectField
            name="closureReason"
            field={f('closureReason')}
            label="Why it closed (when it has)"
            options={options(CLOSURE_REASONS)}
            defaultValue={s('closureReason')}
            error={error}
          />
        </>
      )
    case 'strategy_discussion':
      return (
        <>
          <Checkboxes
            name="agencies"
            field={f('agencies')}
            label="Who took part"
            options={Object.entries(AGENCIES).map(([value, label]) => ({ value, label }))}
            defaultChecked={(d.agencies as string[]) ?? []}
            error={error}
          />
          <Radios
            name="decision"
            field={f('decision')}
            label="Did section 47 enquiries start?"
            options={[
              { value: 's47', label: 'Yes, section 47 enquiries start' },
              { value: 'no_s47', label: 'No' },
            ]}
            defaultValue={s('decision')}
            error={error}
          />
        </>
      )
    case 's47':
      return (
        <Radios
          name="icpcRequired"
          field={f('icpcRequired')}
          label="Is an initial child protection conference needed?"
          hint="Leave unanswered until the enquiry has decided."
          options={yesNo}
          defaultValue={yn(d.icpcRequired)}
          error={error}
        />
      )
    case 'conference':
      return (
        <>
          <Radios
            name="type"
            field={f('type')}
            label="Which conference"
            options={[
              { value: 'initial', label: 'Initial' },
              { value: 'review', label: 'Review' },
            ]}
            defaultValue={s('type')}
            error={error}
          />
          <Radios
            name="decision"
            field={f('decision')}
            label="What it decided"
            options={[
              { value: 'plan', label: 'Initial: a child protection plan' },
              { value: 'no_plan', label: 'Initial: no plan' },
              { value: 'continue', label: 'Review: the plan continues' },
              { value: 'end', label: 'Review: the plan ends' },
            ]}
            defaultValue={s('decision')}
            error={error}
          />
          <TextField name="chair" field={f('chair')} label="Who chaired it" defaultValue={s('chair')} error={error} />
        </>
      )
    case 'cp_plan':
      return (
        <>
          <SelectField
            name="category"
            field={f('category')}
            label="Category of abuse"
            options={options(ABUSE_CATEGORIES)}
            defaultValue={s('category')}
            error={error}
          />
          <SelectField
            name="latestCategory"
            field={f('latestCategory')}
            label="Latest category, if it changed"
            options={options(ABUSE_CATEGORIES)}
            defaultValue={s('latestCategory')}
            error={error}
          />
        </>
      )
    case 'statutory_visit':
      return (
        <>
          <Radios
            name="plan"
            field={f('plan')}
            label="Which plan the visit is for"
            options={[
              { value: 'cp', label: 'Child protection plan' },
              { value: 'cin', label: 'Child in need plan' },
              { value: 'lac', label: 'Looked after' },
            ]}
            defaultValue={s('plan')}
            error={error}
          />
          <Radios
            name="seenAlone"
            field={f('seenAlone')}
            label="Was the child seen alone?"
            options={yesNo}
            defaultValue={yn(d.seenAlone)}
            error={error}
          />
        </>
      )
    case 'looked_after':
      return (
        <>
          <SelectField
            name="legalStatus"
            field={f('legalStatus')}
            label="Legal status"
            options={options(LEGAL_STATUSES)}
            defaultValue={s('legalStatus')}
            error={error}
          />
          <Radios
            name="careLeaver"
            field={f('careLeaver')}
            label="Is the young person a care leaver?"
            options={yesNo}
            defaultValue={yn(d.careLeaver) ?? 'no'}
            error={error}
          />
          <SelectField
            name="endReason"
            field={f('endReason')}
            label="Why they stopped being looked after (with the end date)"
            options={options(CARE_ENDED_REASONS)}
            defaultValue={s('endReason')}
            error={error}
          />
        </>
      )
    case 'lac_review':
      return (
        <SelectField
          name="participation"
          field={f('participation')}
          label="How did the child take part?"
          hint="In their own words where they can: the reviewing officer's record says more."
          options={options(REVIEW_PARTICIPATION)}
          defaultValue={s('participation')}
          error={error}
        />
      )
    case 'legal_status':
      return (
        <SelectField
          name="legalStatus"
          field={f('legalStatus')}
          label="The new legal status"
          options={options(LEGAL_STATUSES)}
          defaultValue={s('legalStatus')}
          error={error}
        />
      )
    case 'placement':
      return (
        <>
          <SelectField
            name="placementType"
            field={f('type')}
            label="Kind of placement"
            options={options(PLACEMENT_TYPES)}
            defaultValue={s('type')}
            error={error}
          />
          <SelectField
            name="provider"
            field={f('provider')}
            label="Who provides it"
            hint="Not needed for a temporary move."
            options={options(PROVIDER_CODES)}
            defaultValue={s('provider')}
            error={error}
          />
          <TextField
            name="placementPostcode"
            field={f('postcode')}
            label="The placement’s postcode (optional)"
            hint="Kept for the looked-after return. The address is not shown to the child’s parents."
            defaultValue={s('postcode')}
            width="govuk-input--width-10"
            autoComplete="off"
            error={error}
          />
          <Radios
            name="sameCarers"
            field={f('sameCarers')}
            label="Is the child staying with the same carers as before?"
            hint="Only for a change of placement type with the same carers, such as foster care becoming long-term."
            options={yesNo}
            defaultValue={yn(d.sameCarers) ?? 'no'}
            error={error}
          />
          <Radios
            name="inArea"
            field={f('inArea')}
            label="Is it inside the council’s area?"
            options={yesNo}
            defaultValue={yn(d.inArea)}
            error={error}
          />
          <Radios
            name="untilEighteen"
            field={f('untilEighteen')}
            label="Is it meant to last until the child is 18?"
            hint="After its first year, visits are then due at most every 3 months instead of 6 weeks."
            options={yesNo}
            defaultValue={yn(d.untilEighteen) ?? 'no'}
            error={error}
          />
          <SelectField
            name="changeReason"
            field={f('changeReason')}
            label="If it ended with the child moving: why"
            options={options(PLACE_CHANGE_REASONS, false)}
            defaultValue={s('changeReason')}
            error={error}
          />
        </>
      )
    case 'health_assessment':
    case 'pep':
      return (
        <Radios
          name="assessmentType"
          field={f('type')}
          label={kind === 'pep' ? 'Is this the first plan or a review?' : 'Is this the initial assessment or a review?'}
          options={[
            { value: 'initial', label: kind === 'pep' ? 'The first plan' : 'Initial assessment' },
            { value: 'review', label: 'A review' },
          ]}
          defaultValue={s('type')}
          error={error}
        />
      )
    case 'missing_episode':
      return (
        <>
          <Radios
            name="missingKind"
            field={f('kind')}
            label="Was the child missing, or away from the placement without permission?"
            hint="Missing: nobody knew where they were. Away: they were known to be somewhere they should not be."
            options={[
              { value: 'missing', label: 'Missing' },
              { value: 'away', label: 'Away from placement' },
            ]}
            defaultValue={s('kind')}
            error={error}
          />
          <Radios
            name="returnInterview"
            field={f('returnInterview')}
            label="The return home interview"
            hint="Offer it within 72 hours of the child coming back."
            options={[
              { value: '', label: 'Not yet' },
              { value: 'held', label: 'Held' },
              { value: 'declined', label: 'Offered and declined' },
            ]}
            defaultValue={s('returnInterview') ?? ''}
            error={error}
          />
          <DateInput
            name="returnInterviewOn"
            field={f('returnInterviewOn')}
            label="Date of the interview (if held)"
            defaultValue={s('returnInterviewOn')}
            error={error}
          />
        </>
      )
    case 'pre_proceedings':
      return (
        <>
          <DateInput
            name="lbpSentOn"
            field={f('lbpSentOn')}
            label="Letter before proceedings sent (if it has been)"
            defaultValue={s('lbpSentOn')}
            error={error}
          />
          <Radios
            name="fgdmOffered"
            field={f('fgdmOffered')}
            label="Did the letter offer a family group decision-making meeting?"
            hint="The 2026 Act requires the offer unless it is not in the child’s best interests."
            options={yesNo}
            defaultValue={yn(d.fgdmOffered)}
            error={error}
          />
          <TextArea
            name="fgdmNotOfferedReason"
            field={f('fgdmNotOfferedReason')}
            label="If not offered: why it is not in the child’s best interests"
            rows={3}
            defaultValue={s('fgdmNotOfferedReason')}
            error={error}
          />
          <Radios
            name="fgdmAccepted"
            field={f('fgdmAccepted')}
            label="Did the family accept the meeting?"
            options={yesNo}
            defaultValue={yn(d.fgdmAccepted)}
            error={error}
          />
          <DateInput
            name="fgdmFacilitatedOn"
            field={f('fgdmFacilitatedOn')}
            label="Family group decision-making meeting held on"
            defaultValue={s('fgdmFacilitatedOn')}
            error={error}
          />
          <DateInput
            name="initialMeetingOn"
            field={f('initialMeetingOn')}
            label="Initial pre-proceedings meeting"
            defaultValue={s('initialMeetingOn')}
            error={error}
          />
          <TextField
            name="reviewMeetingDates"
            field={f('reviewMeetingDates')}
            label="Review meetings held (dates written YYYY-MM-DD, separated by commas)"
            defaultValue={((d.reviewMeetingDates as string[]) ?? []).join(', ')}
            error={error}
          />
          <Radios
            name="stepDecision"
            field={f('stepDecision')}
            label="Decision to step up or down"
            options={[
              { value: 'step_up', label: 'Step up: apply to court' },
              { value: 'step_down', label: 'Step down' },
            ]}
            defaultValue={s('stepDecision')}
            error={error}
          />
          <DateInput
            name="stepDecisionOn"
            field={f('stepDecisionOn')}
            label="Date of that decision"
            defaultValue={s('stepDecisionOn')}
            error={error}
          />
          <DateInput
            name="courtApplicationOn"
            field={f('courtApplicationOn')}
            label="Court application made on"
            defaultValue={s('courtApplicationOn')}
            error={error}
          />
          <DateInput
            name="letterInitiatingOn"
            field={f('letterInitiatingOn')}
            label="Letter telling the parents proceedings are starting, sent on"
            defaultValue={s('letterInitiatingOn')}
            error={error}
          />
          <SelectField
            name="outcome"
            field={f('outcome')}
            label="Outcome, when it ends"
            options={options(PP_OUTCOMES, false)}
            defaultValue={s('outcome')}
            error={error}
          />
        </>
      )
    default:
      return null
  }
}

/** Record or correct a step: the kind chosen first, then its dates and answers. */
function StepForm({
  kids,
  step,
  onDone,
  familyId,
  preset,
}: {
  kids: { id: string; name: string }[]
  step?: Step
  onDone: () => void
  familyId: string
  /** A new step begun from a prompt ("record the plan now"): its kind, child and date filled in. */
  preset?: { kind: StepKind; childId: string; on: string }
}) {
  const [kind, setKind] = useState<StepKind | ''>(step?.kind ?? preset?.kind ?? '')
  const [childId, setChildId] = useState(preset?.childId ?? '')
  const [formKey, setFormKey] = useState(0)
  const save = useMutation({
    mutationFn: (body: unknown) =>
      step
        ? api<Step>('PUT', `/api/steps/${step.id}`, body)
        : api<Step>('POST', `/api/families/${familyId}/steps`, body),
    onSuccess: () => {
      setFormKey((k) => k + 1)
      if (!step) setKind('')
      onDone()
    },
  })
  // refused because a step is missing before it: offer to record that one first, same child
  const offer =
    !step && save.error instanceof ApiError
      ? (save.error.details.find((d) => d.offer && d.offer in STEP_KINDS)?.offer as StepKind | undefined)
      : undefined
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (!kind) return
    const f = new FormData(e.currentTarget)
    const body = {
      kind,
      on: dateFromForm(f, 'on') || undefined,
      endOn: STEP_DATES[kind].end ? orNull(dateFromForm(f, 'endOn')) : null,
      details: detailsFrom(kind, f),
    }
    save.mutate(
      step
        ? { ...body, version: step.version, reason: text(f, 'reason') }
        : { ...body, childId: text(f, 'childId') || undefined },
    )
  }
  return (
    <FormScope name={step ? `step-${step.id}` : preset ? `step-${preset.kind}-${preset.childId}` : 'step-new'}>
      <ErrorSummary error={save.error} />
      {offer && offer !== kind && (
        <Button
          type="button"
          secondary
          onClick={() => {
            setKind(offer)
            save.reset()
          }}
        >
          Record the {STEP_KINDS[offer].toLowerCase()} first
        </Button>
      )}
      {!step && (
        <SelectField
          name="kind"
          label="What happened"
          options={[{ value: '', label: 'Choose' }, ...STEP_KIND_LIST.map((k) => ({ value: k, label: STEP_KINDS[k] }))]}
          value={kind}
          onChange={(v) => setKind(v as StepKind | '')}
          error={save.error}
        />
      )}
      {kind && (
        <form noValidate onSubmit={submit} key={`${kind}-${formKey}`}>
          {!step && (
            <SelectField
              name="childId"
              label="Which child"
              options={[{ value: '', label: 'Choose' }, ...kids.map((k) => ({ value: k.id, label: k.name }))]}
              value={childId}
              onChange={setChildId}
              error={save.error}
            />
          )}
          <DateInput
            name="on"
            label={STEP_DATES[kind].on}
            defaultValue={step?.on ?? (preset?.kind === kind ? preset.on : undefined) ?? londonDateOf(new Date())}
            error={save.error}
          />
          {STEP_DATES[kind].end && (
            <DateInput
              name="endOn"
              label={`${STEP_DATES[kind].end} (if it has)`}
              defaultValue={step?.endOn ?? undefined}
              error={save.error}
            />
          )}
          <KindFields kind={kind} d={(step?.details as Details) ?? {}} error={save.error} />
          {step && <TextArea name="reason" label="Why it is corrected" rows={2} error={save.error} />}
          <Button disabled={save.isPending}>{step ? 'Save the correction' : 'Record it'}</Button>
        </form>
      )}
    </FormScope>
  )
}

/** One click: the enablers send the letter, with the offer of a family group decision-making meeting. */
function LetterBeforeProceedings({ stepId, onDone }: { stepId: string; onDone: () => void }) {
  const ask = useMutation({
    mutationFn: () =>
      api<{ status: string; created: boolean }>('POST', `/api/steps/${stepId}/letter-before-proceedings`),
    onSuccess: onDone,
  })
  return (
    <div className="govuk-!-margin-bottom-2">
      <ErrorSummary error={ask.error} />
      {ask.data ? (
        <p className="govuk-body" role="status">
          {ask.data.status === 'held'
            ? 'Asked. Contact with this family is held: the letter waits for your decision on the family page.'
            : ask.data.created
              ? 'Asked. The enablers will send the letter; the step records the day it goes.'
              : 'The enablers already have this letter to send.'}
        </p>
      ) : (
        <Button type="button" secondary disabled={ask.isPending} onClick={() => ask.mutate()}>
          Ask the enablers to send the letter before proceedings
        </Button>
      )}
    </div>
  )
}

/**
 * On the family page: the statutory steps of each child, oldest first, the timescales running from
 * them, and recording or correcting a step. Hearth works out every date that follows.
 */
export function FamilyCaseProcess({ familyId, kids }: { familyId: string; kids: { id: string; name: string }[] }) {
  const queryClient = useQueryClient()
  const key = ['case-process', familyId]
  const view = useQuery({ queryKey: key, queryFn: () => api<View>('GET', `/api/families/${familyId}/case-process`) })
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: key })
    void queryClient.invalidateQueries({ queryKey: ['my-day'] })
    void queryClient.invalidateQueries({ queryKey: ['board'] })
  }
  const steps = view.data?.steps ?? []
  const clocks = view.data?.clocks ?? []
  // children who are or have been looked after: their "In care" page
  const inCare = kids.filter((k) => steps.some((s) => s.childId === k.id && s.kind === 'looked_after'))
  return (
    <section aria-labelledby="case-process-heading" id="case-process">
      <h2 className="govuk-heading-m" id="case-process-heading">
        Statutory steps and timescales
      </h2>
      <ErrorSummary error={view.error} />
      {inCare.length > 0 && (
        <ul className="govuk-list" aria-label="Children in care">
          {inCare.map((k) => (
            <li key={k.id}>
              <Link className="govuk-link" to={`/children/${k.id}/in-care`}>
                {k.name}: in care
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3 className="govuk-heading-s">What is due</h3>
      {view.data && clocks.length === 0 && <p className="govuk-body">No timescales are running.</p>}
      {clocks.length > 0 && (
        <table className="govuk-table hearth-stack">
          <caption className="govuk-table__caption govuk-visually-hidden">Timescales running for the children</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Child
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Where it stands
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {clocks.map((c) => (
              <tr className="govuk-table__row" key={c.key}>
                <td className="govuk-table__cell" data-label="Child">
                  {c.childName}
                </td>
                <td className="govuk-table__cell" data-label="What">
                  {c.label}
                  <br />
                  <span className="govuk-body-s hearth-secondary">{c.source}</span>
                </td>
                <td className="govuk-table__cell" data-label="Due">
                  {longDate(c.dueOn)}
                </td>
                <td className="govuk-table__cell" data-label="Where it stands">
                  <DueTag state={c.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {planNotRecorded(steps).map((c) => (
        <PlanNow key={c.id} conference={c} kids={kids} familyId={familyId} onDone={changed} />
      ))}
      <h3 className="govuk-heading-s">Steps so far</h3>
      {view.data && steps.length === 0 && <p className="govuk-body">No statutory steps recorded yet.</p>}
      <ul className="govuk-list">
        {steps.map((s) => (
          <li key={s.id} className="hearth-card govuk-!-margin-bottom-3">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>
                {longDate(s.on)}
                {s.endOn ? ` to ${longDate(s.endOn)}` : ''}: {s.label}
              </strong>{' '}
              for {s.childName}
              {s.corrections > 0 && <span className="govuk-body-s hearth-secondary"> (corrected)</span>}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-1">{describeStep(s as unknown as CaseStep)}</p>
            {s.kind === 'pre_proceedings' && !(s.details as Details).lbpSentOn && (
              <LetterBeforeProceedings stepId={s.id} onDone={changed} />
            )}
            <details className="govuk-details govuk-!-margin-bottom-0">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Correct this step</span>
              </summary>
              <div className="govuk-details__text">
                <StepForm kids={kids} step={s} onDone={changed} familyId={familyId} />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Record a step</span>
        </summary>
        <div className="govuk-details__text">
          <StepForm kids={kids} onDone={changed} familyId={familyId} />
        </div>
      </details>
    </section>
  )
}

/** Initial conferences that decided on a child protection plan whose plan is not recorded yet. */
function planNotRecorded(steps: Step[]): Step[] {
  return steps.filter(
    (c) =>
      c.kind === 'conference' &&
      (c.details as Details).type === 'initial' &&
      (c.details as Details).decision === 'plan' &&
      !steps.some((p) => p.kind === 'cp_plan' && p.childId === c.childId && p.on === c.on),
  )
}

/**
 * The conference decided on a plan: until the plan is recorded no plan clocks run (the first core
 * group, the review conference, the visits), so the family page asks for it, filled in.
 */
function PlanNow({
  conference,
  kids,
  familyId,
  onDone,
}: {
  conference: Step
  kids: { id: string; name: string }[]
  familyId: string
  onDone: () => void
}) {
  const [open, setOpen] = useState(false)
  return (
    <section className="govuk-inset-text" aria-label={`The plan for ${conference.childName}`}>
      <p className="govuk-body">
        The initial conference on {longDate(conference.on)} decided on a child protection plan for{' '}
        {conference.childName}. Record the plan now: its timescales (the first core group, the review conference, the
        visits) start from it.
      </p>
      {open ? (
        <StepForm
          kids={kids}
          familyId={familyId}
          preset={{ kind: 'cp_plan', childId: conference.childId, on: conference.on }}
          onDone={() => {
            setOpen(false)
            onDone()
          }}
        />
      ) : (
        <Button type="button" onClick={() => setOpen(true)}>
          Record the plan now
        </Button>
      )}
    </section>
  )
}
