import { DomainError } from '../errors/domain-error';
import type { ActiveFreeze } from './freeze.types';

/** A requested deployment's place (e.g. `'Production'`, `tenant 'Acme' in 'Production'`) and the freeze holding it. */
export interface FrozenPlace {
  label: string;
  active: ActiveFreeze;
}

/** `frozen by 'Christmas' (peak trading) until 2026-12-27T00:00:00.000Z` */
export function frozenUntilText(active: ActiveFreeze): string {
  const reason = active.freeze.reason ? ` (${active.freeze.reason})` : '';
  return `frozen by '${active.freeze.name}'${reason} until ${active.endsAt.toISOString()}`;
}

/**
 * The 409 for deployments requested into frozen places: names each freeze and when it ends, and
 * how an admin deploys anyway.
 */
export function frozenError(places: readonly FrozenPlace[]): DomainError {
  const last = places.reduce((a, b) => (b.active.endsAt > a.active.endsAt ? b : a));
  const where = places.map((place) => place.label).join(', ');
  return new DomainError(
    'frozen',
    `Deployments to ${where} are ${frozenUntilText(places[0].active)}. An admin may deploy anyway with "override": {"reason": "…"}.`,
    places.map((place) => ({
      path: 'environment',
      message: `${place.label}: ${frozenUntilText(place.active)}`,
    })),
    {
      freeze: {
        id: places[0].active.freeze.id,
        name: places[0].active.freeze.name,
        reason: places[0].active.freeze.reason,
      },
      frozenUntil: last.active.endsAt.toISOString(),
      frozen: places.map((place) => ({
        place: place.label,
        freeze: { id: place.active.freeze.id, name: place.active.freeze.name },
        until: place.active.endsAt.toISOString(),
      })),
    },
  );
}

/** A blocked release is deployed nowhere further: the 409 says why. */
export function releaseBlockedError(version: string, reason: string): DomainError {
  return new DomainError(
    'release_blocked',
    `Release ${version} is blocked: ${reason}. Unblock it (POST /api/releases/:id/unblock) to deploy it; to promote the previous good release instead, send "skipBlocked": true (gantry promote --skip-blocked).`,
    [{ path: 'release', message: `blocked: ${reason}` }],
    { blockedReason: reason },
  );
}
