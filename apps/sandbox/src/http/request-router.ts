import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudFormation } from '../cloudformation/cfn-protocol';
import { errorXml } from '../cloudformation/query-protocol';
import type { Ecs } from '../ecs/ecs';
import { ecsAction, ecsError, handleEcs, type JsonResponse } from '../ecs/ecs-protocol';
import { regionFromAuthorization, uuid } from '../ids';
import { SSM_HANDLERS, SSM_TARGET_PREFIX } from '../ssm/ssm';
import {
  AUTOSCALING_HANDLERS,
  AUTOSCALING_TARGET_PREFIX,
} from '../autoscaling/autoscaling-actions';
import { handleJsonService } from './json-service';
import type { SandboxState } from '../state';
import type { Throttle } from '../throttle';
import { trafficView } from '../ecs/traffic-view';

export interface RouterDeps {
  state: SandboxState;
  ecs: Ecs;
  cloudFormation: CloudFormation;
  throttle: Throttle;
  reset(): void;
  changed(): void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Dispatches on the request: `X-Amz-Target` is ECS (JSON 1.1), a form body is CloudFormation (query). */
export async function route(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith('/_sandbox/')) return routeSandbox(deps, req.method ?? 'GET', path, res);
  const region = regionFromAuthorization(req.headers.authorization);
  const target = req.headers['x-amz-target'];
  const requestId = uuid();
  if (typeof target === 'string') {
    const service = jsonService(deps, region, target);
    if (!service)
      return sendJson(
        res,
        ecsError('UnknownOperationException', `Unknown operation ${target}.`),
        requestId,
      );
    const key = `${service.name}:${service.action}`;
    deps.state.countRequest(key);
    if (!deps.throttle.take(key))
      return sendJson(res, ecsError('ThrottlingException', 'Rate exceeded'), requestId);
    sendJson(res, service.handle(body), requestId);
    return deps.changed();
  }
  const action = CloudFormation.action(body);
  if (!action) {
    return send(res, 400, 'text/xml', errorXml('MissingAction', 'Missing Action', requestId), {
      'x-amzn-requestid': requestId,
    });
  }
  deps.state.countRequest(`cloudformation:${action}`);
  if (!deps.throttle.take(`cloudformation:${action}`)) {
    return send(res, 400, 'text/xml', errorXml('Throttling', 'Rate exceeded', requestId), {
      'x-amzn-requestid': requestId,
    });
  }
  const out = deps.cloudFormation.handle(region, body);
  send(res, out.status, 'text/xml', out.body, { 'x-amzn-requestid': requestId });
  deps.changed();
}

/** The JSON 1.1 service an `X-Amz-Target` names: ECS, Application Auto Scaling or SSM. */
function jsonService(
  deps: RouterDeps,
  region: string,
  target: string,
): { name: string; action: string; handle(body: string): JsonResponse } | undefined {
  const ecs = ecsAction(target);
  if (ecs)
    return { name: 'ecs', action: ecs, handle: (body) => handleEcs(deps.ecs, region, ecs, body) };
  const services = [
    {
      name: 'application-autoscaling',
      prefix: AUTOSCALING_TARGET_PREFIX,
      run: (action: string, body: string) =>
        handleJsonService(
          AUTOSCALING_HANDLERS,
          { state: deps.state, ecs: deps.ecs, region },
          action,
          body,
        ),
    },
    {
      name: 'ssm',
      prefix: SSM_TARGET_PREFIX,
      run: (action: string, body: string) =>
        handleJsonService(SSM_HANDLERS, { state: deps.state, region }, action, body),
    },
  ];
  for (const { name, prefix, run } of services) {
    if (!target.startsWith(prefix)) continue;
    const action = target.slice(prefix.length);
    return { name, action, handle: (body) => run(action, body) };
  }
  return undefined;
}

function sendJson(
  res: ServerResponse,
  out: { status: number; body: string; errorType?: string },
  requestId: string,
): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  if (out.errorType) headers['x-amzn-errortype'] = out.errorType;
  send(res, out.status, 'application/x-amz-json-1.1', out.body, headers);
}

function routeSandbox(deps: RouterDeps, method: string, path: string, res: ServerResponse): void {
  if (method === 'GET' && path === '/_sandbox/state') {
    return send(res, 200, 'application/json', JSON.stringify(deps.state.summary()));
  }
  if (method === 'GET' && path.startsWith('/_sandbox/tasks/')) {
    const view = taskView(deps.state, decodeURIComponent(path.slice('/_sandbox/tasks/'.length)));
    if (view) return send(res, 200, 'application/json', JSON.stringify(view));
  }
  if (method === 'GET' && path.startsWith('/_sandbox/services/')) {
    const view = trafficView(
      deps.state,
      decodeURIComponent(path.slice('/_sandbox/services/'.length)),
    );
    if (view) return send(res, 200, 'application/json', JSON.stringify(view));
  }
  if (method === 'POST' && path === '/_sandbox/reset') {
    deps.reset();
    return send(res, 200, 'application/json', '{"reset":true}');
  }
  send(
    res,
    404,
    'application/json',
    JSON.stringify({ message: `No sandbox route ${method} ${path}` }),
  );
}

/**
 * The sandbox's own view of one task (by ARN or id): what each container's process received,
 * its environment with secrets resolved, which no ECS action ever shows.
 */
function taskView(state: SandboxState, ref: string): Record<string, unknown> | undefined {
  const task =
    state.tasks.get(ref) ?? [...state.tasks.values()].find((t) => t.taskArn.endsWith(`/${ref}`));
  if (!task) return undefined;
  return {
    taskArn: task.taskArn,
    taskDefinitionArn: task.taskDefinitionArn,
    lastStatus: task.lastStatus,
    capacityProviderName: task.capacityProviderName,
    containers: task.containers.map((c) => ({
      name: c.name,
      image: c.image,
      environment: c.environment ?? {},
    })),
  };
}
