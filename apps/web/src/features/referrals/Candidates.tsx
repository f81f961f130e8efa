import { longDate } from '@hearth/domain/dates'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import type { MatchResult } from '@hearth/contracts/referrals'
import { api } from '../../api'
import { Button } from '../../components/govuk'

export type Match = z.infer<typeof MatchResult>
export type ChildRow =
  | { key: number; mode: 'new'; firstName: string; lastName: string; dateOfBirth: string; sex: string }
  | { key: number; mode: 'linked'; childId: string; familyId: string; label: string }

export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value)
  const t = useRef<ReturnType<typeof setTimeout>>(undefined)
  useMemo(() => {
    clearTimeout(t.current)
    t.current = setTimeout(() => setV(value), ms)
  }, [value, ms])
  return v
}

export function localNow(): string {
  const d = new Date()
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset())
  return d.toISOString().slice(0, 16)
}

export function Candidates({
  row,
  postcode,
  declined,
  onLink,
  onDecline,
}: {
  row: Extract<ChildRow, { mode: 'new' }>
  postcode: string
  declined: string[]
  onLink: (m: Match) => void
  onDecline: (m: Match) => void
}) {
  const q = useDebounced({
    firstName: row.firstName.trim(),
    lastName: row.lastName.trim(),
    dateOfBirth: row.dateOfBirth,
    postcode: postcode.trim(),
  })
  const enabled = q.lastName.length >= 2 && (/^\d{4}-\d{2}-\d{2}$/.test(q.dateOfBirth) || q.postcode.length >= 5)
  const params = new URLSearchParams(
    Object.entries(q).filter(([k, v]) => v && (k !== 'dateOfBirth' || /^\d{4}-\d{2}-\d{2}$/.test(v))),
  )
  const matches = useQuery({
    queryKey: ['matches', params.toString()],
    queryFn: () => api<Match[]>('GET', `/api/referrals/matches?${params}`),
    enabled,
  })
  const shown = (matches.data ?? []).filter((m) => !declined.includes(m.childId))
  // The live region is on the page before anything is found in it, so that screen readers
  // announce a suggestion when it appears; it sits just after the fields that bring it.
  const show = enabled && shown.length > 0
  return (
    <div aria-live="polite">
      {show && (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">Is this a child we already know?</h3>
          {shown.map((m) =>
            m.kept ? (
              <div key={m.childId} className="govuk-!-margin-bottom-4">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>
                    {m.kept === 'restricted'
                      ? `A restricted record (${m.familyReference}): break the glass to see it`
                      : `A family you told us you know (${m.familyReference}): ask a colleague to take this referral`}
                  </strong>
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-2">Why: {m.reasons.join(', ')}.</p>
                <button type="button" className="govuk-link hearth-link-button" onClick={() => onDecline(m)}>
                  Not this child
                </button>
              </div>
            ) : (
              <div key={m.childId} className="govuk-!-margin-bottom-4">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>
                    {m.firstName} {m.lastName}
                  </strong>
                  {m.dateOfBirth ? `, born ${longDate(m.dateOfBirth)}` : ''} · {m.familyName} ({m.familyReference}),{' '}
                  {m.postcode}
                  {m.openToTeam && (
                    <>
                      {' '}
                      · <strong className="govuk-tag govuk-tag--purple">Open to {m.openToTeam}</strong>
                    </>
                  )}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-2">Why: {m.reasons.join(', ')}.</p>
                <div className="hearth-actions">
                  <Button type="button" secondary onClick={() => onLink(m)}>
                    Link {m.firstName} {m.lastName}
                  </Button>
                  <button type="button" className="govuk-link hearth-link-button" onClick={() => onDecline(m)}>
                    Not this child
                  </button>
                </div>
              </div>
            ),
          )}
        </div>
      )}
    </div>
  )
}
