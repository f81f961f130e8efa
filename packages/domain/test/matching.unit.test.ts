import { describe, expect, it } from 'vitest'
import { findCandidates, jaroWinkler, nameSimilarity, soundex, type KnownChild } from '../src/matching'

const known: KnownChild[] = [
  {
    childId: 'c1',
    familyId: 'f1',
    firstName: 'Muhammad',
    lastName: 'Quillfeather',
    dateOfBirth: '2018-04-09',
    expectedDateOfBirth: null,
    postcode: 'NM1 4AB',
  },
  {
    childId: 'c2',
    familyId: 'f2',
    firstName: 'Ellie',
    lastName: 'Brightwater',
    dateOfBirth: '2015-11-30',
    expectedDateOfBirth: null,
    postcode: 'NM3 2QR',
  },
  {
    childId: 'c3',
    familyId: 'f3',
    firstName: 'Zara',
    lastName: 'Quillfeather',
    dateOfBirth: '2012-01-17',
    expectedDateOfBirth: null,
    postcode: 'NM6 8XY',
  },
  {
    childId: 'c4',
    familyId: 'f4',
    firstName: 'Theo',
    lastName: 'Fernsby',
    dateOfBirth: null,
    expectedDateOfBirth: '2027-02-01',
    postcode: 'NM2 1AA',
  },
  {
    childId: 'c5',
    familyId: 'f5',
    firstName: 'Katherine',
    lastName: 'Ó Súilleabháin',
    dateOfBirth: '2016-06-05',
    expectedDateOfBirth: null,
    postcode: 'NM4 4DD',
  },
]

const ids = (q: Parameters<typeof findCandidates>[0]) => findCandidates(q, known).map((c) => c.childId)

describe('known-family matching', () => {
  it('sound keys and similarity behave', () => {
    expect(soundex('Mohammed')).toBe(soundex('Muhammad'))
    expect(soundex('Robert')).toBe('R163')
    expect(soundex('Ashcraft')).toBe('A261')
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 2)
    expect(nameSimilarity('Mohammed', 'Muhammad')).toBeGreaterThanOrEqual(0.9)
    expect(nameSimilarity('Zara', 'Muhammad')).toBeLessThan(0.6)
  })

  it('finds “Mohammed” for a known “Muhammad” with the same date of birth, and says why', () => {
    const [top] = findCandidates({ firstName: 'Mohammed', lastName: 'Quillfeather', dateOfBirth: '2018-04-09' }, known)
    expect(top!.childId).toBe('c1')
    expect(top!.reasons).toEqual(expect.arrayContaining(['similar name (spelling differs)', 'same date of birth']))
  })

  it('finds swapped first and last names', () => {
    const [top] = findCandidates({ firstName: 'Brightwater', lastName: 'Ellie', dateOfBirth: '2015-11-30' }, known)
    expect(top!.childId).toBe('c2')
    expect(top!.reasons).toContain('same names with first and last swapped')
  })

  it('finds a misspelt name at the same postcode without a date of birth', () => {
    expect(ids({ firstName: 'Mohamed', lastName: 'Quilfeather', postcode: 'nm14ab' })).toEqual(['c1'])
  })

  it('finds a date of birth with day and month swapped, with the name', () => {
    expect(ids({ firstName: 'Muhammad', lastName: 'Quillfeather', dateOfBirth: '2018-09-04' })).toEqual(['c1'])
  })

  it('finds accented names typed without accents', () => {
    expect(ids({ firstName: 'Katherine', lastName: 'O Suilleabhain', dateOfBirth: '2016-06-05' })).toEqual(['c5'])
  })

  it('finds an unborn child by the expected date', () => {
    expect(ids({ firstName: 'Theo', lastName: 'Fernsby', dateOfBirth: '2027-02-01' })).toEqual(['c4'])
  })

  it('does not match an unrelated child of the same surname', () => {
    // a different Quillfeather child, elsewhere, another birthday
    expect(
      ids({ firstName: 'Oscar', lastName: 'Quillfeather', dateOfBirth: '2019-02-02', postcode: 'NM5 5ZZ' }),
    ).toEqual([])
    // a name alone is never enough
    expect(ids({ firstName: 'Ellie', lastName: 'Brightwater' })).toEqual([])
  })
})
