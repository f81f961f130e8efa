import { Link } from 'react-router'
import { useVoice } from './voice-api'

/** On the family's page: their link in one line, and anything they said not yet seen. */
export function FamilyVoiceSummary({ familyId }: { familyId: string }) {
  const voice = useVoice(familyId)
  const v = voice.data
  const working = v?.links.filter((l) => l.state === 'active').length ?? 0
  const unseen = v?.messages.filter((m) => !m.seenAt).length ?? 0
  return (
    <section aria-labelledby="family-link-summary">
      <h2 className="govuk-heading-m" id="family-link-summary">
        The family’s link
      </h2>
      {/* one line, written once its figures are in (the page below does not move twice) */}
      <p className="govuk-body">
        {!v ? 'Loading…' : working ? `${working} working link${working === 1 ? '' : 's'}.` : 'No working link.'}{' '}
        {unseen ? <strong>{`${unseen} thing${unseen === 1 ? '' : 's'} the family said, not yet seen.`}</strong> : ''}{' '}
        <Link className="govuk-link" to={`/families/${familyId}/family-link`}>
          The family’s link and what they said
        </Link>
      </p>
    </section>
  )
}
