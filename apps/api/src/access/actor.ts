import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '@gantry/persistence';

/** Who is calling: the API key behind the request. */
export interface Actor {
  keyId: string;
  name: string;
  role: ApiKeyRole;
  environments: string[];
  projects: string[];
}

export const PUBLIC_ROUTE = 'gantry:public';
export const REQUIRED_PERMISSION = 'gantry:permission';

/** `read` for viewers and up, `deploy` for deployers and up, `admin` for admins only. */
export type Permission = 'read' | 'deploy' | 'admin';

/** Marks a route that needs no API key (health checks). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Overrides the default permission (GET: read, anything else: admin). */
export const RequirePermission = (permission: Permission): MethodDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    return context.switchToHttp().getRequest().actor;
  },
);

const RANK: Record<ApiKeyRole, number> = { viewer: 0, deployer: 1, admin: 2 };
const NEEDED: Record<Permission, number> = { read: 0, deploy: 1, admin: 2 };

export function roleAllows(role: ApiKeyRole, permission: Permission): boolean {
  return RANK[role] >= NEEDED[permission];
}
