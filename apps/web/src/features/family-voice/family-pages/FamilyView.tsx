import { useTranslation } from 'react-i18next'
import type { FamilyLinkView } from '@hearth/contracts/family-voice'
import type { FamilyMessageKind, LinkLanguage } from '@hearth/domain/family-voice'
import { LOCALE } from './i18n'

export type SayKind = FamilyMessageKind

export const when = (iso: string, language: LinkLanguage) =>
  new Date(iso).toLocaleString(LOCALE[language], {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  })
const day = (iso: string, language: LinkLanguage) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(LOCALE[language], {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })

/**
 * What the family sees on their page, in their language: their workers, what is coming up and
 * what happened before (honestly), their plan, their last meeting, and what they told us. The
 * lead's preview shows this same component, so what they check is what the family gets.
 */
export function FamilyView({
  view,
  language,
  onSay,
}: {
  view: FamilyLinkView
  language: LinkLanguage
  onSay?: (kind: SayKind, visitId?: string) => void
}) {
  const { t } = useTranslation()
  const visitKind = (k: string) => t(`visitKind.${k}`, { defaultValue: t('visitKind.other') })
  const lead = view.workers.find((w) => w.role === 'lead')
  const others = view.workers.filter((w) => w.role !== 'lead')
  const pastWords = (p: FamilyLinkView['past'][number]) => {
    if (!p.kept) return t('past.notYet')
    if (p.kept === 'on_time') return t('past.on_time')
    if (p.kept === 'late') return p.lateMinutes ? t('past.late', { minutes: p.lateMinutes }) : t('past.lateNoMinutes')
    if (p.kept === 'rearranged') return p.changedBy === 'family' ? t('past.rearranged_family') : t('past.rearranged_us')
    return p.changedBy === 'family' ? t('past.missed_family') : t('past.missed_us')
  }
  return (
    <>
      <h1 className="govuk-heading-l">{view.firstName ? t('hello', { name: view.firstName }) : t('title')}</h1>
      <p className="govuk-body">{t('intro')}</p>

      <section aria-labelledby="fam-workers">
        <h2 className="govuk-heading-m" id="fam-workers">
          {t('workers.heading')}
        </h2>
        {!view.workers.length && <p className="govuk-body">{t('workers.none')}</p>}
        {lead && (
          <div className="hearth-card govuk-!-margin-bottom-3">
            <p className="govuk-body govuk-!-margin-bottom-1">{t('workers.lead')}</p>
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              <bdi>{lead.name}</bdi>
              {lead.awayToday && (
                <strong className="govuk-tag govuk-tag--grey hearth-tag-gap">{t('workers.away')}</strong>
              )}
            </p>
            {lead.email && (
              <p className="govuk-body govuk-!-margin-bottom-0">
                {t('workers.email')}:{' '}
                <a className="govuk-link" href={`mailto:${lead.email}`}>
                  <bdi>{lead.email}</bdi>
                </a>
              </p>
            )}
          </div>
        )}
        {others.map((w) => (
          <div className="hearth-card govuk-!-margin-bottom-3" key={w.name}>
            <p className="govuk-body govuk-!-margin-bottom-1">{t('workers.coWorker')}</p>
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0">
              <bdi>{w.name}</bdi>
              {w.awayToday && <strong className="govuk-tag govuk-tag--grey hearth-tag-gap">{t('workers.away')}</strong>}
            </p>
          </div>
        ))}
        {view.cover && <p className="govuk-inset-text">{t('workers.cover', { name: view.cover.name })}</p>}
        {view.team.name && (
          <p className="govuk-body">
            {view.team.phone ? (
              <>
                {t('workers.call', { team: view.team.name })}{' '}
                <a className="govuk-link" href={`tel:${view.team.phone.replace(/\s/g, '')}`}>
                  <bdi>{view.team.phone}</bdi>
                </a>
              </>
            ) : (
              t('workers.callTeam', { team: view.team.name })
            )}
          </p>
        )}
      </section>

      <section aria-labelledby="fam-upcoming">
        <h2 className="govuk-heading-m" id="fam-upcoming">
          {t('visits.heading')}
        </h2>
        {!view.upcoming.length && <p className="govuk-body">{t('visits.none')}</p>}
        <ul className="govuk-list">
          {view.upcoming.map((v) => (
            <li key={v.id} className="hearth-card govuk-!-margin-bottom-3">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {visitKind(v.kind)}
                {v.cancelled && (
                  <strong className="govuk-tag govuk-tag--red hearth-tag-gap">{t('visits.cancelled')}</strong>
                )}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <time dateTime={v.startsAt}>{when(v.startsAt, language)}</time> ·{' '}
                {t('visits.length', { minutes: v.durationMinutes })}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1">
                {v.placeHidden ? t('visits.atHome') : t('visits.where', { place: v.place })}
              </p>
              {v.changeReason && (
                <p className="govuk-body govuk-!-margin-bottom-1">{t('visits.why', { reason: v.changeReason })}</p>
              )}
              {!v.cancelled &&
                (v.moveAsked ? (
                  <p className="govuk-body govuk-!-margin-bottom-0">{t('visits.moveAsked')}</p>
                ) : (
                  onSay && (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => onSay('move_visit', v.id)}
                    >
                      {t('visits.move')}
                    </button>
                  )
                ))}
            </li>
          ))}
        </ul>
      </section>

      {view.past.length > 0 && (
        <section aria-labelledby="fam-past">
          <h2 className="govuk-heading-m" id="fam-past">
            {t('past.heading')}
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {view.past.map((p) => (
              <li key={p.id}>
                <span className="govuk-!-font-weight-bold">{visitKind(p.kind)}</span>,{' '}
                <time dateTime={p.startsAt}>{day(p.startsAt, language)}</time>: {pastWords(p)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="fam-plan">
        <h2 className="govuk-heading-m" id="fam-plan">
          {t('plan.heading')}
        </h2>
        {!view.plan.length && <p className="govuk-body">{t('plan.none')}</p>}
        <ul className="govuk-list">
          {view.plan.map((p) => (
            <li key={p.id} className="hearth-card govuk-!-margin-bottom-3">
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong
                  className={`govuk-tag ${p.status === 'done' ? 'govuk-tag--green' : p.status === 'not_done' ? 'govuk-tag--grey' : 'govuk-tag--blue'}`}
                >
                  {t(`plan.${p.status}`)}
                </strong>
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <bdi>{p.what}</bdi>
              </p>
              {p.who && <p className="govuk-body govuk-!-margin-bottom-1">{t('plan.who', { who: p.who })}</p>}
              {p.byDate && (
                <p className="govuk-body govuk-!-margin-bottom-0">{t('plan.by', { date: day(p.byDate, language) })}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      {view.lastMeeting && (
        <section aria-labelledby="fam-meeting">
          <h2 className="govuk-heading-m" id="fam-meeting">
            {t('meeting.heading')}
          </h2>
          <p className="govuk-body">
            {visitKind(view.lastMeeting.kind)},{' '}
            <time dateTime={view.lastMeeting.startsAt}>{day(view.lastMeeting.startsAt, language)}</time>
          </p>
          {view.lastMeeting.familyPlan && (
            <>
              <h3 className="govuk-heading-s">{t('meeting.familyPlan')}</h3>
              <p className="govuk-body hearth-pre-wrap">
                <bdi>{view.lastMeeting.familyPlan}</bdi>
              </p>
            </>
          )}
          {view.lastMeeting.agreed.length > 0 && (
            <>
              <h3 className="govuk-heading-s">{t('meeting.agreed')}</h3>
              <ul className="govuk-list govuk-list--bullet">
                {view.lastMeeting.agreed.map((a) => (
                  <li key={a}>
                    <bdi>{a}</bdi>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="fam-say">
        <h2 className="govuk-heading-m" id="fam-say">
          {t('say.heading')}
        </h2>
        <p className="govuk-body">{t('say.intro')}</p>
        <ul className="govuk-list">
          {(['how_going', 'matters', 'worry', 'complaint'] as const).map((k) => (
            <li key={k}>
              {onSay ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary hearth-wide-button"
                  onClick={() => onSay(k)}
                >
                  {t(`say.${k}`)}
                </button>
              ) : (
                <span className="govuk-body">{t(`say.${k}`)}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {view.messages.length > 0 && (
        <section aria-labelledby="fam-told">
          <h2 className="govuk-heading-m" id="fam-told">
            {t('told.heading')}
          </h2>
          <ul className="govuk-list">
            {view.messages.map((m) => (
              <li key={m.id} className="hearth-card govuk-!-margin-bottom-3">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  {t(`kind.${m.kind}`)}, <time dateTime={m.at}>{day(m.at, language)}</time>
                </p>
                {m.scale && <p className="govuk-body govuk-!-margin-bottom-1">{t(`scale.${m.scale}`)}</p>}
                {m.words && (
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <bdi>{m.words}</bdi>
                  </p>
                )}
                <p className="govuk-body govuk-!-margin-bottom-0">
                  {m.answer ? t('told.answer', { answer: m.answer }) : t('told.waiting')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
