import { useState } from 'react'
import { Link } from 'react-router'
import { FamilySaid } from './FamilySaid'
import { useTeamMessages } from './voice-api'

/** On the team board: what families said through their links that nobody has seen yet. */
export function TeamFamilyMessages({ teamId }: { teamId: string }) {
  const said = useTeamMessages(teamId)
  const list = said.data?.messages ?? []
  const [done, setDone] = useState<string | null>(null)
  return (
    <section aria-labelledby="families-said" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="families-said">
        Families said ({list.length})
      </h2>
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
      {list.length === 0 ? (
        <p className="govuk-body">Nothing new from families.</p>
      ) : (
        list.map((m) => (
          <div key={m.id}>
            <FamilySaid m={m} familyName={m.familyName} onDone={setDone} />
            <p className="govuk-body-s">
              <Link className="govuk-link" to={`/families/${m.familyId}/family-link`}>
                The {m.familyName}’s link ({m.familyReference})
              </Link>
            </p>
          </div>
        ))
      )}
    </section>
  )
}
