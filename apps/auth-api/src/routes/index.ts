import type { Route } from '@jobping/http-kit';
import type { AccountLinks } from '../services/account-links';
import type { AccountService } from '../services/accounts';
import type { Throttle } from '../services/throttle';
import type { UserControlsService } from '../services/user-controls';
import { accountLinkRoutes } from './account-links';
import { authRoutes, type AuthRouteOptions } from './auth';
import { userControlRoutes } from './user-controls';
import { userRoutes } from './users';

/** Every route auth-api serves. */
export function authApiRoutes(
  accounts: AccountService,
  links: AccountLinks,
  throttle: Pick<Throttle, 'consumeRegistration'>,
  options: AuthRouteOptions,
  controls: UserControlsService,
): Route[] {
  return [...authRoutes(accounts, options), ...userRoutes(accounts), ...accountLinkRoutes(links, throttle), ...userControlRoutes(accounts, controls)];
}

/**
 * The paths (Express syntax) of every route, read from the declarations themselves: the web
 * servers and the Ingress in front route exactly these to auth-api. Declaring a route runs
 * none of its handler, so no services are needed here.
 */
export function authApiPaths(): string[] {
  const unused = undefined as never;
  return [...new Set(authApiRoutes(unused, unused, unused, unused, unused).map((route) => route.path))].sort();
}
