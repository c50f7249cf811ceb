import { InitialModel1764000000000 } from './1764000000000-InitialModel';

/** Every migration, in order. Listed explicitly so the same list works from ts (tests) and dist. */
export const MIGRATIONS = [InitialModel1764000000000];
