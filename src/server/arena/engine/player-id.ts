/** A signed-in player's id on a round's roster is `p<personId>`; a guest who joined with a code has another form. Pure. */
export const personPlayerId = (personId: number) => `p${personId}`;

/** The person behind a signed-in player's id, or null for a guest. */
export const personIdOfPlayer = (playerId: string): number | null => {
  const m = /^p(\d+)$/.exec(playerId);
  return m ? Number(m[1]) : null;
};
