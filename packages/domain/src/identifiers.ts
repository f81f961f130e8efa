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

export function isValidUpn(input: string): boolean {
  const upn = input.trim().toUpperCase()
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false
  return upnCheckLetter(upn) === upn[0]
}

/** LAchildID from 2024–25: at most 20 characters, letters and digits only (rules 1570/1580). */
export function isValidLaChildId(input: string): boolean {
  return /^[A-Za-z0-9]{1,20}$/.test(input)
}
