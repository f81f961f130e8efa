import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../src/dates'
import { isValidLaChildId, isValidNhsNumber, isValidUpn, upnCheckLetter, upnHasLaCode } from '../src/identifiers'
import { findPatchForPostcode, normalisePostcode, normalisePostcodeArea } from '../src/postcode'

describe('NHS number', () => {
  it('accepts numbers whose check digit is right (with or without spaces)', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true)
    expect(isValidNhsNumber('943 476 5919')).toBe(true)
    expect(isValidNhsNumber('943-476-5919')).toBe(true)
  })
  it('refuses a wrong check digit, wrong length and letters', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false)
    expect(isValidNhsNumber('943476591')).toBe(false)
    expect(isValidNhsNumber('94347659190')).toBe(false)
    expect(isValidNhsNumber('94347A5919')).toBe(false)
  })
  it('refuses numbers whose check would be 10', () => {
    // 1000000010: weights give sum 10 → 11-10 = 1? find a remainder-1 case by search instead
    const withCheckTen = Array.from({ length: 2000 }, (_, i) => String(100000000 + i * 7919).slice(0, 9)).find(
      (nine) => {
        const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0)
        return 11 - (sum % 11) === 10
      },
    )!
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`${withCheckTen}${last}`)).toBe(false)
  })
  it('changing any one digit of a valid number makes it invalid (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, pos, delta) => {
          const sum = nine.reduce((s, d, i) => s + d * (10 - i), 0)
          let check = 11 - (sum % 11)
          if (check === 11) check = 0
          fc.pre(check !== 10)
          const digits = [...nine, check]
          expect(isValidNhsNumber(digits.join(''))).toBe(true)
          const changed = [...digits]
          changed[pos] = (changed[pos]! + delta) % 10
          expect(isValidNhsNumber(changed.join(''))).toBe(false)
        },
      ),
    )
  })
})

describe('UPN (census rule 1510)', () => {
  it('computes the check letter from characters 2–13', () => {
    const body = '999123456789'
    const letter = upnCheckLetter(`X${body}`)!
    expect(isValidUpn(`${letter}${body}`)).toBe(true)
    const wrong = letter === 'A' ? 'B' : 'A'
    expect(isValidUpn(`${wrong}${body}`)).toBe(false)
  })
  it('never uses I, O or S as the check letter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (body) => {
        expect(['I', 'O', 'S']).not.toContain(upnCheckLetter(`A${body}`))
      }),
    )
  })
  it('refuses wrong shapes', () => {
    expect(isValidUpn('A99912345678')).toBe(false)
    expect(isValidUpn('99991234567890')).toBe(false)
  })
  it('characters 2–4 are a local authority code (rule 1530): 801 is one, 999 is not', () => {
    expect(upnHasLaCode('A801123456789')).toBe(true)
    expect(upnHasLaCode('A001123456789')).toBe(true) // a pseudo-LA code, as the demo council's
    expect(upnHasLaCode('A999123456789')).toBe(false)
    expect(upnHasLaCode('A804123456789')).toBe(false)
  })
})

describe('LAchildID', () => {
  it('allows up to 20 letters and digits only', () => {
    expect(isValidLaChildId('999C000001')).toBe(true)
    expect(isValidLaChildId('A'.repeat(21))).toBe(false)
    expect(isValidLaChildId('999-C')).toBe(false)
  })
})

describe('postcodes and patches', () => {
  it('normalises spacing and case, and refuses nonsense', () => {
    expect(normalisePostcode('nm14ab')).toBe('NM1 4AB')
    expect(normalisePostcode(' NM1   4AB ')).toBe('NM1 4AB')
    expect(normalisePostcode('SW1A 1AA')).toBe('SW1A 1AA')
    expect(normalisePostcode('12345')).toBeNull()
    expect(normalisePostcode('NM1')).toBeNull()
  })
  it('normalises districts and sectors', () => {
    expect(normalisePostcodeArea('nm1')).toBe('NM1')
    expect(normalisePostcodeArea('nm1 4')).toBe('NM1 4')
    expect(normalisePostcodeArea('4AB')).toBeNull()
  })
  it('a sector beats a district; no cover gives null', () => {
    const patches = [
      { id: 'district', postcodeAreas: ['NM1'] },
      { id: 'sector', postcodeAreas: ['NM1 4'] },
    ]
    expect(findPatchForPostcode('NM1 4AB', patches)?.id).toBe('sector')
    expect(findPatchForPostcode('NM1 5AB', patches)?.id).toBe('district')
    expect(findPatchForPostcode('NM9 1AA', patches)).toBeNull()
    // NM11 is not NM1
    expect(findPatchForPostcode('NM11 1AA', patches)).toBeNull()
  })
})

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-13-01')).toBe(false)
    expect(isIsoDate('1/2/2025')).toBe(false)
  })
})
