/** Chart legends in the text colour (a series' own colour can be too light to read as text). */
export const legendText = (value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>
