/** What the demo student has already finished: their credit records are in the registrar's feed. */
export const demoCompletions: Array<{ code: string; score: number }> = [
  { code: 'LP-ETH-101', score: 92 },
  { code: 'LP-ROBOT-101', score: 86 },
]
