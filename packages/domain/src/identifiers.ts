/**
 * NHS number: 10 digits, the last a modulus-11 check digit.
 * Weights 10..2 on the first nine digits; check = 11 - (sum mod 11); 11 -> 0; 10 -> invalid.
 */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '')
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input)
  if (!/^\d{10}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  let check = 11 - (sum % 11)
  if (check === 11) check = 0
  if (check === 10) return false
  return check === Number(digits[9])
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/**
 * Unique Pupil Number (CIN census rule 1510/1540/1550): 13 characters; character 1 is a
 * check letter over characters 2–13 (weights 2..13, mod 23); characters 2–12 are digits;
 * character 13 a digit or an allowed letter (temporary UPN).
 */
export function upnCheckLetter(upn: string): string | null {
  const body = upn.slice(1)
  if (body.length !== 12) return null
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const ch = body[i]!
    let value: number
    if (/\d/.test(ch)) value = Number(ch)
    else if (i === 11 && UPN_LETTERS.includes(ch)) value = UPN_LETTERS.indexOf(ch)
    else return null
    sum += value * (i + 2)
  }
  return UPN_LETTERS[sum % 23]!
}

/**
 * The local authority codes a UPN's characters 2–4 may hold (CIN census rule 1530): the LA codes
 * in use since April 1998, and the DfE's pseudo-LA codes (001–005 and the Welsh 660–681, 701–708).
 * As ranges, first to last, from the rule's own list.
 */
const LA_CODE_RANGES: readonly [number, number][] = [
  [1, 5],
  [201, 213],
  [301, 320],
  [330, 336],
  [340, 344],
  [350, 359],
  [370, 373],
  [380, 384],
  [390, 394],
  [420, 420],
  [660, 681],
  [701, 708],
  [800, 803],
  [805, 808],
  [810, 813],
  [815, 816],
  [820, 823],
  [825, 826],
  [830, 831],
  [835, 841],
  [845, 846],
  [850, 852],
  [855, 857],
  [860, 861],
  [865, 896],
  [908, 909],
  [916, 916],
  [919, 919],
  [921, 921],
  [925, 926],
  [928, 929],
  [931, 931],
  [933, 933],
  [935, 938],
  [940, 941],
]

/** Whether three digits are a recognised LA code (rule 1530's list). */
export function isRecognisedLaCode(code: string): boolean {
  if (!/^\d{3}$/.test(code)) return false
  const n = Number(code)
  return LA_CODE_RANGES.some(([from, to]) => n >= from && n <= to)
}

/** Rule 1530: a UPN's characters 2–4 are a recognised LA code. */
export function upnHasLaCode(input: string): boolean {
  return isRecognisedLaCode(input.trim().slice(1, 4))
}

export function isValidUpn(input: string): boolean {
  const upn = input.trim().toUpperCase()
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false
  return upnCheckLetter(upn) === upn[0]
}

/** LAchildID from 2024–25: at most 20 characters, letters and digits only (rules 1570/1580). */
export function isValidLaChildId(input: string): boolean {
  return /^[A-Za-z0-9]{1,20}$/.test(input)
}
