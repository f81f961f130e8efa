import type { CaseStep } from './case-steps'
import type { NewEpisodeReason } from './ssda903-codes'

/**
 * The looked-after return's episodes, worked out from the steps (ssda903.md §1). A **period of
 * care** is an unbroken time looked after (a `looked_after` step); a **care episode** is a part of
 * it with one legal status and one placement: a new one starts whenever the legal status
 * (`legal_status` step) or the placement changes, the one before ending the same day with X1.
 * Nobody types an episode in; correcting a step moves them.
 */
export interface CareEpisode {
  /** DECOM: the day it began. */
  decom: string
  rne: NewEpisodeReason
  /** LS: the legal status. */
  ls: string
  /** PLACE, PLACE_PROVIDER and PL_POST; null where no placement was recorded for the day. */
  place: string | null
  provider: string | null
  postcode: string | null
  /** DEC and REC: X1 when another episode follows the same day; the period's reason when it is the last. */
  dec: string | null
  rec: string | null
  /** REASON_PLACE_CHANGE, when the episode ends with the child moving. */
  reasonPlaceChange: string | null
  placementStepId: string | null
}

export interface PeriodOfCare {
  lookedAfterStepId: string
  start: string
  end: string | null
  endReason: string | null
  episodes: CareEpisode[]
}

export function periodsOfCare(steps: readonly CaseStep[]): PeriodOfCare[] {
  const byDate = <T extends CaseStep>(xs: T[]) => xs.sort((a, b) => a.on.localeCompare(b.on))
  const of = <K extends CaseStep['kind']>(k: K) => byDate(steps.filter((s): s is CaseStep<K> => s.kind === k))
  const changes = of('legal_status')
  const placements = of('placement')
  return of('looked_after').map((la) => {
    const inside = (d: string) => d >= la.on && (la.endOn === null || d <= la.endOn)
    const legalOn = (d: string) =>
      changes.filter((c) => c.on > la.on && c.on <= d && inside(c.on)).at(-1)?.details.legalStatus ??
      la.details.legalStatus
    const placedOn = (d: string) =>
      placements.filter((p) => inside(p.on) && p.on <= d && (p.endOn === null || p.endOn >= d)).at(-1) ?? null
    const days = [
      ...new Set([
        la.on,
        ...changes.filter((c) => c.on > la.on && inside(c.on)).map((c) => c.on),
        ...placements.filter((p) => inside(p.on)).map((p) => p.on),
      ]),
    ].sort()
    const episodes: CareEpisode[] = []
    for (const d of days) {
      const ls = legalOn(d)
      const p = placedOn(d)
      const before = episodes.at(-1)
      let rne: NewEpisodeReason = 'S'
      if (before) {
        const lsChanged = ls !== before.ls
        const moved = (p?.id ?? null) !== before.placementStepId
        if (!lsChanged && !moved) continue // nothing the return counts changed that day
        const sameCarers = p?.details.sameCarers === true
        rne = lsChanged && moved ? (sameCarers ? 'U' : 'B') : lsChanged ? 'L' : sameCarers ? 'T' : 'P'
        before.dec = d
        before.rec = 'X1'
        if (moved)
          before.reasonPlaceChange =
            placements.find((x) => x.id === before.placementStepId)?.details.changeReason ?? null
      }
      episodes.push({
        decom: d,
        rne,
        ls,
        place: p?.details.type ?? null,
        provider: p?.details.provider ?? null,
        postcode: p?.details.postcode ?? null,
        dec: null,
        rec: null,
        reasonPlaceChange: null,
        placementStepId: p?.id ?? null,
      })
    }
    const last = episodes.at(-1)
    if (last && la.endOn !== null) {
      last.dec = la.endOn
      last.rec = la.details.endReason ?? null
    }
    return {
      lookedAfterStepId: la.id,
      start: la.on,
      end: la.endOn,
      endReason: la.details.endReason ?? null,
      episodes,
    }
  })
}
