/** Small read helpers over the engine's state for the server side (names, places). */
import { placeOf as boardPlace, type ArenaState } from './engine/index.ts';
import { lookupOf, unitName } from './engine/state.ts';

export type { ArenaState };
export const unitNameOf = (s: ArenaState, unitId: string) => unitName(s, unitId);
export const placeOf = (s: ArenaState, unitId: string) => boardPlace(s.board, unitId, lookupOf(s)) ?? null;
