import type { Tx } from '../../client'
import { nextReference } from '../../references'
import { adults, children, families, relationships } from '../../schema'
import {
  ADULT_NAMES,
  ETHNICITIES,
  FIRST_NAMES,
  LANGUAGES,
  STREETS,
  SURNAMES,
  isoDate,
  nhsNumber,
  pick,
  upn,
} from './data'
import type { DemoCouncil } from './organisation'

export type DemoFamily = { id: string; patchId: string | null; childIds: string[] }

/** Families spread across the three patches, plus one outside every patch; children, a parent each. */
export async function seedFamilies(
  tx: Tx,
  org: DemoCouncil,
  o: { rnd: () => number; familyCount: number; laCode: string; area: string },
): Promise<DemoFamily[]> {
  const { councilId, patchRows } = org
  const { rnd, familyCount, laCode, area } = o
  const today = new Date()
  const familyRows: { id: string; patchId: string | null; childIds: string[] }[] = []
  let childCount = 0
  for (let f = 0; f < familyCount; f++) {
    const surname = SURNAMES[f % SURNAMES.length]!
    const district = f === familyCount - 1 ? `${area}9` : `${area}${(f % 6) + 1}`
    const patch = patchRows.find((p) => p.postcodeAreas.includes(district)) ?? null
    const language = pick(rnd, LANGUAGES)
    // Inward-code letters never include C, I, K, M, O or V.
    const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
    const postcode = `${district} ${1 + Math.floor(rnd() * 9)}${INWARD[Math.floor(rnd() * INWARD.length)]}${INWARD[Math.floor(rnd() * INWARD.length)]}`
    const [family] = await tx
      .insert(families)
      .values({
        councilId,
        reference: await nextReference(tx, 'family'),
        name: `${surname} family`,
        addressLine1: `${1 + Math.floor(rnd() * 120)} ${pick(rnd, STREETS)}`,
        town: 'Northmoor',
        postcode,
        patchId: patch?.id ?? null,
        language,
        interpreterNeeded: language !== 'English' && rnd() < 0.6,
      })
      .returning()
    // 60 children over 40 families: half the families have two.
    const nChildren = f % 2 === 0 ? 2 : 1
    const childRows = []
    for (let c = 0; c < nChildren; c++) {
      childCount++
      const unborn = childCount % 29 === 0
      const dob = new Date(today.getTime() - Math.floor(rnd() * 17 * 365 + 30) * 86400000)
      const edd = new Date(today.getTime() + Math.floor(rnd() * 150 + 20) * 86400000)
      const [child] = await tx
        .insert(children)
        .values({
          councilId,
          familyId: family!.id,
          laChildId: `${laCode}C${String(childCount).padStart(6, '0')}`,
          firstName: unborn ? 'Unborn' : pick(rnd, FIRST_NAMES),
          lastName: surname,
          dateOfBirth: unborn ? null : isoDate(dob),
          expectedDateOfBirth: unborn ? isoDate(edd) : null,
          sex: unborn ? 'U' : rnd() < 0.5 ? 'F' : 'M',
          ethnicity: pick(rnd, ETHNICITIES),
          nhsNumber: rnd() < 0.8 ? nhsNumber(rnd) : null,
          upn: !unborn && rnd() < 0.6 ? upn(rnd, laCode) : null,
          // the census asks for every born child's disabilities (no random draw: the rest stays as it was)
          disabilities: unborn
            ? []
            : childCount % 9 === 0
              ? ['LD']
              : childCount % 13 === 0
                ? ['AUT', 'COMM']
                : ['NONE'],
        })
        .returning()
      childRows.push(child!)
    }
    familyRows.push({ id: family!.id, patchId: patch?.id ?? null, childIds: childRows.map((c) => c.id) })
    const [parent] = await tx
      .insert(adults)
      .values({
        councilId,
        familyId: family!.id,
        name: `${pick(rnd, ADULT_NAMES)} ${surname}`,
        description: 'Parent',
        livesWithFamily: true,
      })
      .returning()
    await tx.insert(relationships).values(
      childRows.map((child) => ({
        councilId,
        familyId: family!.id,
        adultId: parent!.id,
        childId: child.id,
        kind: 'parent',
        strengths: 'Walks the children to school every day.',
      })),
    )
  }

  return familyRows
}
