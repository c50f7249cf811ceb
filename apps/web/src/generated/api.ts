/**
 * The Gantry API's types, generated from apps/api/openapi.json by openapi-typescript.
 * Do not edit: change the API's response DTOs, then run `npm run api:generate`.
 */

export interface paths {
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the active API keys */
        get: operations["AccessController_list"];
        put?: never;
        /**
         * Create an API key
         * @description The secret key is in this response only; Gantry keeps a hash of it.
         */
        post: operations["AccessController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["AccessController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log, newest first
         * @description Every change made through the API: who, what, when and how it ended.
         */
        get: operations["AccessController_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which release is where: per project and environment the live release and the latest attempt
         * @description Projects are paged by name (`limit`, default 100, and `offset`; `total` counts them). `project` and `environment` narrow it to one; `tenantTag` (repeatable, one tag of each group must match) counts only the tenants carrying the tags.
         */
        get: operations["DashboardController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/projects/{ref}/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's tenants × environments: per tenant and environment the live release and the latest attempt
         * @description Tenants connected to the project, by name, in keyset pages: `limit` (default 100, at most 1000), then the `next` of a page as `after`. `tag` (repeatable, one tag of each group must match) and `search` (part of the name or slug) narrow them; `total` counts the tenants they match. Read from the per-stack rows the deployments keep up to date, so a page costs the same whatever the length of the history.
         */
        get: operations["TenantDashboardController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the dashboard live (server-sent events)
         * @description A `ready` event once the stream is following (read the dashboard then; it comes again after the server lost its event source for a while), a `cell` event (data: `{projectId, environmentId, status, latestDeploymentId, liveDeploymentId}`) each time a cell's latest deployment, its status, its live release or a tenant count changes, and a `ping` every 25 s.
         */
        get: operations["DashboardController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deployments, newest first
         * @description Page with `?after=<next>`: each response gives `next`, the cursor of the following page (null on the last). `total` is counted on offset pages; on cursor pages only with `?count=true` (`?count=false` skips it anywhere). `offset` still skips rows, after the cursor when both are given.
         */
        get: operations["DeploymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deployment */
        get: operations["DeploymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a deployment
         * @description A queued deployment is cancelled at once; a running one is asked to stop (CancelUpdateStack). A finished one is a 409.
         */
        post: operations["DeploymentsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/interventions/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject a manual intervention
         * @description Decides the manual intervention step the deployment waits on. Admins always may; deployers when the step names their role or their key (and their project and environment limits cover the deployment); a viewer never. With `preventSelfApproval`, the key that started the deployment may reject but not approve (403 `self-approval`). An approval continues the process with the next step; a rejection fails the deployment, naming the step, who and the note. 409 when the deployment is not waiting on this step or it was already decided. Audited.
         */
        post: operations["DeploymentsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a deployment's log, oldest first */
        get: operations["DeploymentsController_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/log/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a deployment's log live (server-sent events)
         * @description One `log` event per line (data: a LogLine as JSON, id: its seq), a `status` event (data: `{deploymentId, status}`) when the stream starts and whenever the status changes, then an `end` event when the deployment has ended. Every event's id is the last seq sent: a reconnect with `Last-Event-ID` resumes after it. An API key may hold `LIVE_STREAMS_PER_KEY` streams open at once (per API process); one more answers 429.
         */
        get: operations["LiveController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List environments, in dashboard order */
        get: operations["EnvironmentsController_list"];
        put?: never;
        /** Create an environment */
        post: operations["EnvironmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an environment */
        get: operations["EnvironmentsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete an environment
         * @description Refused (409) while a lifecycle, target or deployment uses it.
         */
        delete: operations["EnvironmentsController_delete"];
        options?: never;
        head?: never;
        /** Change an environment */
        patch: operations["EnvironmentsController_update"];
        trace?: never;
    };
    "/api/freezes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List freezes
         * @description Each says whether it holds now (`active`) and until when (`activeUntil`).
         */
        get: operations["FreezesController_list"];
        put?: never;
        /**
         * Create a deployment freeze (admin)
         * @description While it holds, a deployment asked for into its scope is refused with 409 `frozen` (an admin may override with a reason) and automatic deployments wait queued until it ends.
         */
        post: operations["FreezesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/freezes/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a freeze */
        get: operations["FreezesController_get"];
        put?: never;
        post?: never;
        /** Delete a freeze (admin) */
        delete: operations["FreezesController_delete"];
        options?: never;
        head?: never;
        /** Change a freeze (admin) */
        patch: operations["FreezesController_update"];
        trace?: never;
    };
    "/api/lifecycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List lifecycles */
        get: operations["LifecyclesController_list"];
        put?: never;
        /** Create a lifecycle */
        post: operations["LifecyclesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lifecycles/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a lifecycle */
        get: operations["LifecyclesController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a lifecycle
         * @description Refused (409) while a project or channel uses it.
         */
        delete: operations["LifecyclesController_delete"];
        options?: never;
        head?: never;
        /** Change a lifecycle */
        patch: operations["LifecyclesController_update"];
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects */
        get: operations["ProjectsController_list"];
        put?: never;
        /**
         * Create a project
         * @description Creates its channel 'default' too.
         */
        post: operations["ProjectsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: operations["ProjectsController_get"];
        put?: never;
        post?: never;
        /** Delete a project */
        delete: operations["ProjectsController_delete"];
        options?: never;
        head?: never;
        /** Change a project */
        patch: operations["ProjectsController_update"];
        trace?: never;
    };
    "/api/projects/{ref}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's channels */
        get: operations["ChannelsController_list"];
        put?: never;
        /** Create a channel of a project */
        post: operations["ChannelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}/channels/{channelRef}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a channel */
        get: operations["ChannelsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a channel
         * @description Refused (409) for the default channel and for a channel releases use.
         */
        delete: operations["ChannelsController_delete"];
        options?: never;
        head?: never;
        /** Change a channel */
        patch: operations["ChannelsController_update"];
        trace?: never;
    };
    "/api/projects/{ref}/cloudformation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a project's step as a standalone template
         * @description Image tags and every variable become Parameters: deployable with `aws cloudformation deploy` and no Gantry.
         */
        get: operations["TemplatesController_project"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Promote a project from one environment to the next */
        post: operations["DeploymentsController_promote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's releases, newest first */
        get: operations["ReleasesController_list"];
        put?: never;
        /**
         * Create a release of a project
         * @description Snapshots the step and the variables; the deployments its lifecycle makes automatic are queued at once.
         */
        post: operations["ReleasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}/steps/{step}/cloudformation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export one step of a project's process as a standalone template
         * @description As GET /api/projects/{ref}/cloudformation, for the named step of a process of several.
         */
        get: operations["TemplatesController_projectStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{ref}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a project's variables
         * @description Sensitive values come back as null; scopes name slugs.
         */
        get: operations["VariablesController_list"];
        /** Replace a project's variables */
        put: operations["VariablesController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a release with its snapshot and progression */
        get: operations["ReleasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block a release
         * @description A blocked release is deployed nowhere further (409 `release_blocked` with the reason) until unblocked; its queued deployments are cancelled, and `promote` with `skipBlocked` passes it over.
         */
        post: operations["ReleasesController_block"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a release to an environment
         * @description Queues one deployment per chosen tenant (one untenanted deployment for an untenanted project). A deployment behind another on the same stack waits its turn.
         */
        post: operations["DeploymentsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what deploying a release would change
         * @description Creates a change set for the release in one environment (and tenant, and target), reads its property-level changes (path, before, after: image tags, environment variables, …) and deletes it; nothing is deployed. A stack that does not exist yet is not created: every resource is listed as Add. NoEcho values read `****`.
         */
        post: operations["TemplatesController_diff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/progression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of the release's progression: per environment and tenant, deployed, allowed or blocked
         * @description Each cell also gives what runs there (`live`: the deployment that succeeded last) and the latest attempt with its status (`latest`). `GET /api/releases/:id` shows the first cells and a summary per environment.
         */
        get: operations["ReleasesController_progression"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh a release's variable snapshot
         * @description Takes the project's variables again; the step and the images stay as they were.
         */
        post: operations["ReleasesController_refreshSnapshot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the template a deployment of a release would send
         * @description The exact CloudFormation template for one environment (and tenant, and target); sensitive values are NoEcho parameters.
         */
        get: operations["TemplatesController_release"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases/{id}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unblock a release
         * @description It may be deployed and promoted again.
         */
        post: operations["ReleasesController_unblock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the next retention run would delete, deleting nothing
         * @description Releases beyond their lifecycle phases' `retention.keepReleases` (never one live or latest anywhere, nor one with a deployment under way), with their deployments and log lines, and task definition revisions beyond their project's `retention.keepTaskDefinitions` that no service of the cluster uses. The scheduled run (every `RETENTION_INTERVAL_MINUTES`) deletes exactly this.
         */
        get: operations["RetentionController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions (admin) */
        get: operations["SubscriptionsController_list"];
        put?: never;
        /**
         * Subscribe a webhook, a Slack channel or email recipients to events (admin)
         * @description Secrets (URLs, the signing secret, the SMTP password) are never returned.
         */
        post: operations["SubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a subscription (admin) */
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        /** Delete a subscription and its deliveries (admin) */
        delete: operations["SubscriptionsController_delete"];
        options?: never;
        head?: never;
        /** Change a subscription (admin) */
        patch: operations["SubscriptionsController_update"];
        trace?: never;
    };
    "/api/subscriptions/{ref}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's delivery attempts, newest first (admin) */
        get: operations["SubscriptionsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions/{ref}/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery's notification again (admin)
         * @description The new attempts are recorded as deliveries with `replay: true`.
         */
        post: operations["SubscriptionsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List targets */
        get: operations["TargetsController_list"];
        put?: never;
        /**
         * Create an ECS cluster target
         * @description For a sandbox target, Gantry creates the cluster in the sandbox when it is missing.
         */
        post: operations["TargetsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a target */
        get: operations["TargetsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a target
         * @description Refused (409) while a deployment uses it.
         */
        delete: operations["TargetsController_delete"];
        options?: never;
        head?: never;
        /** Change a target */
        patch: operations["TargetsController_update"];
        trace?: never;
    };
    "/api/targets/{ref}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a target: a live DescribeClusters
         * @description Answers at once whether the cluster is reachable and ACTIVE; never waits for AWS.
         */
        post: operations["LiveController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants */
        get: operations["TenantsController_list"];
        put?: never;
        /** Create a tenant */
        post: operations["TenantsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenants/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tenant */
        get: operations["TenantsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a tenant
         * @description Refused (409) while a deployment names it.
         */
        delete: operations["TenantsController_delete"];
        options?: never;
        head?: never;
        /** Change a tenant */
        patch: operations["TenantsController_update"];
        trace?: never;
    };
    "/api/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API key making this request: its name, role and limits
         * @description Any valid key may ask. The console shows only what the key may do: viewers read, deployers also deploy (within `environments` and `projects` when those are not empty), admins do everything.
         */
        get: operations["AccessController_whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL and Redis answer */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiKey: {
            /** Format: date-time */
            createdAt: string;
            /** @description Environment ids it is limited to */
            environments: string[];
            id: string;
            /** @description The first characters of a generated key, to recognise it; null for an operator-chosen key */
            keyPrefix: string | null;
            lastUsedAt: string | null;
            name: string;
            /** @description Project ids it is limited to */
            projects: string[];
            /** @enum {string} */
            role: "admin" | "deployer" | "viewer";
        };
        ApiKeyPage: {
            items: components["schemas"]["ApiKey"][];
            /** @description Items matching, over every page */
            total: number;
        };
        AuditEvent: {
            actorKeyId: string | null;
            actorName: string;
            /** Format: date-time */
            at: string;
            /** @description The request body, secret fields as ******** */
            body: unknown;
            id: string;
            method: string;
            outcome: string;
            resourceId: string | null;
            route: string;
            status: number;
        };
        AuditPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Channel: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            isDefault: boolean;
            /** @description null: the project's lifecycle */
            lifecycle: components["schemas"]["ResourceRef"] | null;
            name: string;
            projectId: string;
            rules: components["schemas"]["ChannelRule"][];
            slug: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ChannelPage: {
            items: components["schemas"]["Channel"][];
            /** @description Items matching, over every page */
            total: number;
        };
        ChannelRule: {
            containers: string[];
            tagPattern?: string;
            versionRange?: string;
        };
        CreatedApiKey: {
            /** Format: date-time */
            createdAt: string;
            /** @description Environment ids it is limited to */
            environments: string[];
            id: string;
            /** @description The secret key: shown once, in this response only */
            key: string;
            /** @description The first characters of a generated key, to recognise it; null for an operator-chosen key */
            keyPrefix: string | null;
            lastUsedAt: string | null;
            name: string;
            /** @description Project ids it is limited to */
            projects: string[];
            /** @enum {string} */
            role: "admin" | "deployer" | "viewer";
        };
        CreatedRelease: {
            /** @description Why, when and by whom the release was blocked, or null */
            block: {
                at: string | null;
                by: string | null;
                reason: string;
            } | null;
            /** @description A blocked release is deployed nowhere further */
            blocked: boolean;
            /** @description Where the images were built (CI build information), or null */
            build: {
                branch?: string;
                commit?: string;
                number?: string;
                repository?: string;
                url?: string;
            } | null;
            channel: {
                id: string;
                name: string | null;
                slug: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            /** @description The first of the deployments its lifecycle queued on its own (at most 25); GET /api/deployments?release={id} pages them all */
            deployments: components["schemas"]["Deployment"][];
            /** @description The deployments its lifecycle queued on its own, in all */
            deploymentsTotal: number;
            id: string;
            /** @description Image tag per container */
            images: {
                [key: string]: string;
            };
            notes: string;
            /** @description The first cells, per environment (and tenant, where tenanted): deployed, allowed or blocked; GET /api/releases/{id}/progression pages them all */
            progression: components["schemas"]["ProgressionCell"][];
            progressionSummary: components["schemas"]["ProgressionSummary"][];
            /** @description Progression cells in all */
            progressionTotal: number;
            project: components["schemas"]["ResourceRef"];
            snapshot: {
                /** @description The only step, when the process is one ecs-service step */
                step?: components["schemas"]["EcsServiceStep"];
                steps: components["schemas"]["ProcessStep"][];
                /** Format: date-time */
                takenAt: string;
                variables: components["schemas"]["Variable"][];
            };
            version: string;
            workItems: {
                id: string;
                title?: string;
                url?: string;
            }[];
        };
        CurrentKey: {
            /** @description Environment ids a deployer key may deploy into; empty: every one */
            environments: string[];
            id: string;
            name: string;
            /** @description Project ids a deployer key may deploy; empty: every one */
            projects: string[];
            /** @enum {string} */
            role: "admin" | "deployer" | "viewer";
        };
        Dashboard: {
            environments: {
                id: string;
                name: string;
                position: number;
                slug: string;
            }[];
            projects: {
                /** @description One per environment that has a deployment, in environment order */
                cells: components["schemas"]["DashboardCell"][];
                project: {
                    id: string;
                    name: string;
                    slug: string;
                    /** @enum {string} */
                    tenancy: "untenanted" | "tenanted" | "mixed";
                };
            }[];
            /** @description Projects matching, over every page */
            total: number;
        };
        DashboardCell: {
            /** @description The latest deployment in the cell */
            deploymentId: string;
            environment: components["schemas"]["ResourceRef"];
            finishedAt: string | null;
            /** @description The deployment that succeeded last: what runs there */
            live: {
                deploymentId: string;
                finishedAt: string | null;
                release: {
                    id: string;
                    version: string;
                };
            } | null;
            /** @description The release of the latest deployment (attempt) */
            release: {
                id: string;
                version: string;
            };
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            /** @description Tenanted and mixed projects: how the latest deployment of each tenant stands */
            tenants?: {
                cancelled: number;
                failed: number;
                live: number;
                queued: number;
                running: number;
                succeeded: number;
                /** @description Tenants connected to the project here */
                total: number;
                /** @description Waiting for a manual intervention decision */
                waiting: number;
            };
        };
        Deployment: {
            cancelRequested: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description The name of the API key that asked */
            createdBy: string | null;
            environment: components["schemas"]["ResourceRef"];
            /** @description Why it failed, in one short line (per target when several failed) */
            error?: string;
            /** @description The evidence behind `error`, one item a line: this deployment's stopped tasks with every essential container's exit code and reason, the failed resource, the failed rollout's service events */
            errorDetails?: string;
            /** Format: date-time */
            finishedAt?: string;
            forced: boolean;
            /** @description An admin deployed through these freezes, and why */
            freezeOverride?: {
                /** @description The admin key that overrode */
                by: string | null;
                freezes: {
                    id: string;
                    name: string;
                }[];
                reason: string;
            };
            id: string;
            /** @description Its manual interventions, in the order they were asked (absent when none was); the deployment is `waiting` while one is pending */
            interventions?: components["schemas"]["Intervention"][];
            project: components["schemas"]["ResourceRef"];
            release: {
                id: string;
                version: string;
            };
            /** Format: date-time */
            startedAt?: string;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            /** @description The deployment process, in order, with each step on its targets */
            steps: components["schemas"]["DeploymentStep"][];
            /** @description Every step on every target */
            targets: components["schemas"]["DeploymentTarget"][];
            tenant: components["schemas"]["ResourceRef"] | null;
            /** @description Why a queued deployment waits (a freeze holds it): "Frozen by 'X' until …"; or what a waiting one waits for: "waiting for approval: admins or deployers (step 'approve-prod')" */
            waitingReason?: string;
            /**
             * Format: date-time
             * @description When the freeze holding a queued deployment ends, or when the pending intervention of a waiting one times out
             */
            waitingUntil?: string;
        };
        DeploymentList: {
            items: components["schemas"]["Deployment"][];
            /** @description The cursor of the following page (`?after=`), null on the last */
            next: string | null;
            /** @description On offset pages, or with `?count=true` */
            total?: number;
        };
        DeploymentLog: {
            items: components["schemas"]["LogLine"][];
        };
        DeploymentPage: {
            items: components["schemas"]["Deployment"][];
            /** @description Items matching, over every page */
            total: number;
        };
        DeploymentStep: {
            error?: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description A manual intervention step, once the deployment reached it: what it asks, who may decide, the decision */
            intervention?: components["schemas"]["Intervention"];
            kind: string;
            /** @description The step's name in the release's process */
            name: string;
            /** @description Runs at once with the step before it: consecutive such steps form one group */
            parallelWithPrevious: boolean;
            /** @description Why a skipped step did not run: its conditions, or an earlier failure */
            reason?: string;
            slug: string;
            /** Format: date-time */
            startedAt?: string;
            /** @enum {string} */
            status: "pending" | "running" | "succeeded" | "failed" | "cancelled" | "skipped";
            /** @description The step on each target */
            targets: components["schemas"]["DeploymentTarget"][];
        };
        DeploymentTarget: {
            /** @description The change set's changes */
            changes?: components["schemas"]["ResourceChange"][];
            error?: string;
            errorDetails?: string;
            /** @description Stack outputs */
            outputs?: {
                [key: string]: string;
            };
            stackName: string;
            /** @description pending, then each step: rendered, change-set, … */
            status: string;
            /** @description The slug of the step this stack belongs to */
            step: string;
            target: components["schemas"]["ResourceRef"];
        };
        EcsServiceStep: {
            containers: {
                /** @default [] */
                command: string[];
                /** @default 0 */
                cpu: number | string;
                /** @default [] */
                dependsOn: {
                    /** @enum {string} */
                    condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                    containerName: string;
                }[];
                /** @default {} */
                dockerLabels: {
                    [key: string]: string;
                };
                /** @default [] */
                entryPoint: string[];
                /** @default {} */
                environment: {
                    [key: string]: string;
                };
                /** @default true */
                essential: boolean;
                healthCheck?: {
                    command: string[];
                    /** @default 30 */
                    interval: number;
                    /** @default 3 */
                    retries: number;
                    startPeriod?: number;
                    /** @default 5 */
                    timeout: number;
                };
                image: string;
                linuxParameters?: {
                    initProcessEnabled: boolean;
                };
                /**
                 * @default awslogs
                 * @enum {string}
                 */
                logging: "awslogs" | "none";
                /** @default null */
                memory: (number | string) | null;
                /** @default null */
                memoryReservation: (number | string) | null;
                /** @default [] */
                mountPoints: {
                    containerPath: string;
                    /** @default false */
                    readOnly: boolean;
                    sourceVolume: string;
                }[];
                name: string;
                /** @default [] */
                portMappings: {
                    /** @enum {string} */
                    appProtocol?: "http" | "http2" | "grpc";
                    containerPort: number;
                    hostPort?: number;
                    name?: string;
                    /**
                     * @default tcp
                     * @enum {string}
                     */
                    protocol: "tcp" | "udp";
                }[];
                readonlyRootFilesystem?: boolean;
                /** @default {} */
                secrets: {
                    [key: string]: string;
                };
                stopTimeout?: number;
                /** @default [] */
                ulimits: {
                    hardLimit: number;
                    /** @enum {string} */
                    name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                    softLimit: number;
                }[];
                user?: string;
                workingDirectory?: string;
            }[];
            service: {
                autoScaling?: {
                    maxCapacity: number;
                    minCapacity: number;
                    /** @default [] */
                    scheduled: {
                        maxCapacity?: number;
                        minCapacity?: number;
                        name: string;
                        schedule: string;
                        timezone?: string;
                    }[];
                    /** @default [] */
                    targetTracking: {
                        loadBalancerArn?: string;
                        /** @enum {string} */
                        metric: "cpu" | "memory" | "alb-requests";
                        scaleInCooldown?: number;
                        scaleOutCooldown?: number;
                        target: number;
                        targetGroupArn?: string;
                    }[];
                };
                bakeTimeInMinutes?: number;
                /** @default [] */
                capacityProviderStrategy: {
                    base?: number;
                    /** @enum {string} */
                    capacityProvider: "FARGATE" | "FARGATE_SPOT";
                    weight: number;
                }[];
                /**
                 * @default {
                 *       "enable": true,
                 *       "rollback": true
                 *     }
                 */
                circuitBreaker: {
                    /** @default true */
                    enable: boolean;
                    /** @default true */
                    rollback: boolean;
                };
                /**
                 * @default rolling
                 * @enum {string}
                 */
                deploymentStrategy: "rolling" | "blue-green";
                /** @default 1 */
                desiredCount: number | string;
                /** @default false */
                enableExecuteCommand: boolean;
                /** @default 0 */
                healthCheckGracePeriodSeconds: number | string;
                /** @constant */
                launchType?: "FARGATE";
                /** @default [] */
                loadBalancers: {
                    advancedConfiguration?: {
                        alternateTargetGroupArn: string;
                        productionListenerRule: string;
                        roleArn: string;
                        testListenerRule?: string;
                    };
                    containerName: string;
                    containerPort: number;
                    targetGroupArn: string;
                }[];
                /** @default 200 */
                maximumPercent: number;
                /** @default 100 */
                minimumHealthyPercent: number;
                network: {
                    /** @default false */
                    assignPublicIp: boolean;
                    /** @default [] */
                    securityGroups: string[];
                    subnets: string[];
                };
                /** @default LATEST */
                platformVersion: string;
                serviceConnect?: {
                    namespace: string;
                    /** @default [] */
                    services: {
                        /** @default [] */
                        clientAliases: {
                            dnsName?: string;
                            port: number;
                        }[];
                        discoveryName?: string;
                        portName: string;
                    }[];
                };
                /** @default [] */
                serviceRegistries: {
                    containerName?: string;
                    containerPort?: number;
                    create?: {
                        /**
                         * @default A
                         * @enum {string}
                         */
                        dnsRecordType: "A" | "SRV";
                        name?: string;
                        namespaceId: string;
                        /** @default 60 */
                        ttl: number;
                    };
                    registryArn?: string;
                }[];
            };
            /** @default {} */
            tags: {
                [key: string]: string;
            };
            task: {
                cpu: number | string;
                /**
                 * @default X86_64
                 * @enum {string}
                 */
                cpuArchitecture: "X86_64" | "ARM64";
                ephemeralStorageGiB?: number;
                executionRoleArn?: string;
                /** @default 30 */
                logRetentionInDays: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                memory: number | string;
                taskRoleArn?: string;
                /** @default [] */
                volumes: {
                    efs: {
                        accessPointId?: string;
                        fileSystemId: string;
                        /** @enum {string} */
                        iam?: "ENABLED" | "DISABLED";
                        rootDirectory?: string;
                        /** @enum {string} */
                        transitEncryption?: "ENABLED" | "DISABLED";
                        transitEncryptionPort?: number;
                    };
                    name: string;
                }[];
            };
        };
        Environment: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            id: string;
            name: string;
            /** @description Order on the dashboard and in lists */
            position: number;
            slug: string;
            /** Format: date-time */
            updatedAt: string;
        };
        EnvironmentPage: {
            items: components["schemas"]["Environment"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Freeze: {
            /** @description Whether the freeze holds now */
            active: boolean;
            /** @description When the current window ends */
            activeUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            end: string | null;
            /** @description Empty: every environment */
            environments: components["schemas"]["ResourceRef"][];
            id: string;
            name: string;
            /** @description Empty: every project */
            projects: components["schemas"]["ResourceRef"][];
            reason: string;
            /** @description A recurring window, read in `timeZone`; null for a one-off window */
            recurrence: ({
                days: ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
                /** @description Local time HH:MM */
                from: string;
                /** @constant */
                kind: "weekly";
                /** @description Local time HH:MM; at or before `from`: the next day */
                to: string;
            } | {
                durationMinutes: number;
                expression: string;
                /** @constant */
                kind: "cron";
            }) | null;
            slug: string;
            /** @description A one-off window, or a recurrence’s bounds */
            start: string | null;
            /** @description Empty: every tenant */
            tenants: components["schemas"]["ResourceRef"][];
            /** @description IANA time zone of the recurring window */
            timeZone: string;
            /** Format: date-time */
            updatedAt: string;
        };
        FreezePage: {
            items: components["schemas"]["Freeze"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Intervention: {
            approvers: {
                apiKeys?: string[];
                roles?: ("admin" | "deployer")[];
            };
            /** Format: date-time */
            decidedAt?: string;
            /** @description The name of the API key that decided */
            decidedBy?: string;
            /** @description What the person deciding reads (markdown) */
            instructions: string;
            note?: string;
            preventSelfApproval: boolean;
            /** Format: date-time */
            requestedAt: string;
            /**
             * @description pending until decided; rejected also when it timed out (decidedBy absent); cancelled with its deployment
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "cancelled";
            /** @description The slug of the manual intervention step */
            step: string;
            /**
             * Format: date-time
             * @description When it rejects itself undecided
             */
            timeoutAt?: string;
            timeoutMinutes?: number;
            /** @description Who may decide, in words: "admins, deployers or the API key 'release-manager'" */
            whoMayDecide: string;
        };
        Lifecycle: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            phases: components["schemas"]["LifecyclePhase"][];
            slug: string;
            /** Format: date-time */
            updatedAt: string;
        };
        LifecyclePage: {
            items: components["schemas"]["Lifecycle"][];
            /** @description Items matching, over every page */
            total: number;
        };
        LifecyclePhase: {
            /** @description Environments a new release (or a success in the previous phase) deploys to on its own */
            automatic: components["schemas"]["NamedRef"][];
            environments: components["schemas"]["NamedRef"][];
            minimumEnvironmentsBeforePromotion: number;
            name: string;
            optional: boolean;
            /** @description Keep the newest keepReleases releases deployed here; null: all */
            retention: {
                keepReleases: number;
            } | null;
        };
        Liveness: {
            /** @constant */
            status: "ok";
        };
        LogLine: {
            /** Format: date-time */
            at: string;
            level: string;
            message: string;
            /** @description Increases by one per line of a deployment */
            seq: number;
            source: string;
        };
        NamedRef: {
            id: string;
            name: string;
            slug: string;
        };
        NotificationDelivery: {
            /** Format: date-time */
            at: string;
            /** @description 1 for the first attempt */
            attempt: number;
            durationMs: number;
            error: string | null;
            event: string;
            id: string;
            notificationId: string;
            /** @enum {string} */
            outcome: "delivered" | "failed";
            /** @description Made by a replay request */
            replay: boolean;
            /** @description The receiver's HTTP status */
            responseStatus: number | null;
        };
        NotificationDeliveryPage: {
            items: components["schemas"]["NotificationDelivery"][];
            /** @description Items matching, over every page */
            total: number;
        };
        NotificationReplay: {
            notificationId: string;
            /** @constant */
            replayed: true;
        };
        /** @description An error, as application/problem+json */
        Problem: {
            detail: string;
            /** @description Every invalid field, for a 400 */
            errors?: {
                message: string;
                /** @description The invalid field, e.g. 'phases[0].name' */
                path: string;
            }[];
            status: number;
            title: string;
            /** @description A URI naming the kind of problem */
            type: string;
        } & {
            [key: string]: unknown;
        };
        ProcessStep: {
            /** @default [] */
            channels: string[];
            containers: {
                /** @default [] */
                command: string[];
                /** @default 0 */
                cpu: number | string;
                /** @default [] */
                dependsOn: {
                    /** @enum {string} */
                    condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                    containerName: string;
                }[];
                /** @default {} */
                dockerLabels: {
                    [key: string]: string;
                };
                /** @default [] */
                entryPoint: string[];
                /** @default {} */
                environment: {
                    [key: string]: string;
                };
                /** @default true */
                essential: boolean;
                healthCheck?: {
                    command: string[];
                    /** @default 30 */
                    interval: number;
                    /** @default 3 */
                    retries: number;
                    startPeriod?: number;
                    /** @default 5 */
                    timeout: number;
                };
                image: string;
                linuxParameters?: {
                    initProcessEnabled: boolean;
                };
                /**
                 * @default awslogs
                 * @enum {string}
                 */
                logging: "awslogs" | "none";
                /** @default null */
                memory: (number | string) | null;
                /** @default null */
                memoryReservation: (number | string) | null;
                /** @default [] */
                mountPoints: {
                    containerPath: string;
                    /** @default false */
                    readOnly: boolean;
                    sourceVolume: string;
                }[];
                name: string;
                /** @default [] */
                portMappings: {
                    /** @enum {string} */
                    appProtocol?: "http" | "http2" | "grpc";
                    containerPort: number;
                    hostPort?: number;
                    name?: string;
                    /**
                     * @default tcp
                     * @enum {string}
                     */
                    protocol: "tcp" | "udp";
                }[];
                readonlyRootFilesystem?: boolean;
                /** @default {} */
                secrets: {
                    [key: string]: string;
                };
                stopTimeout?: number;
                /** @default [] */
                ulimits: {
                    hardLimit: number;
                    /** @enum {string} */
                    name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                    softLimit: number;
                }[];
                user?: string;
                workingDirectory?: string;
            }[];
            /** @default [] */
            environments: string[];
            /** @default [] */
            excludeEnvironments: string[];
            /** @constant */
            kind: "ecs-service";
            name: string;
            /** @default false */
            parallelWithPrevious: boolean;
            service: {
                autoScaling?: {
                    maxCapacity: number;
                    minCapacity: number;
                    /** @default [] */
                    scheduled: {
                        maxCapacity?: number;
                        minCapacity?: number;
                        name: string;
                        schedule: string;
                        timezone?: string;
                    }[];
                    /** @default [] */
                    targetTracking: {
                        loadBalancerArn?: string;
                        /** @enum {string} */
                        metric: "cpu" | "memory" | "alb-requests";
                        scaleInCooldown?: number;
                        scaleOutCooldown?: number;
                        target: number;
                        targetGroupArn?: string;
                    }[];
                };
                bakeTimeInMinutes?: number;
                /** @default [] */
                capacityProviderStrategy: {
                    base?: number;
                    /** @enum {string} */
                    capacityProvider: "FARGATE" | "FARGATE_SPOT";
                    weight: number;
                }[];
                /**
                 * @default {
                 *       "enable": true,
                 *       "rollback": true
                 *     }
                 */
                circuitBreaker: {
                    /** @default true */
                    enable: boolean;
                    /** @default true */
                    rollback: boolean;
                };
                /**
                 * @default rolling
                 * @enum {string}
                 */
                deploymentStrategy: "rolling" | "blue-green";
                /** @default 1 */
                desiredCount: number | string;
                /** @default false */
                enableExecuteCommand: boolean;
                /** @default 0 */
                healthCheckGracePeriodSeconds: number | string;
                /** @constant */
                launchType?: "FARGATE";
                /** @default [] */
                loadBalancers: {
                    advancedConfiguration?: {
                        alternateTargetGroupArn: string;
                        productionListenerRule: string;
                        roleArn: string;
                        testListenerRule?: string;
                    };
                    containerName: string;
                    containerPort: number;
                    targetGroupArn: string;
                }[];
                /** @default 200 */
                maximumPercent: number;
                /** @default 100 */
                minimumHealthyPercent: number;
                network: {
                    /** @default false */
                    assignPublicIp: boolean;
                    /** @default [] */
                    securityGroups: string[];
                    subnets: string[];
                };
                /** @default LATEST */
                platformVersion: string;
                serviceConnect?: {
                    namespace: string;
                    /** @default [] */
                    services: {
                        /** @default [] */
                        clientAliases: {
                            dnsName?: string;
                            port: number;
                        }[];
                        discoveryName?: string;
                        portName: string;
                    }[];
                };
                /** @default [] */
                serviceRegistries: {
                    containerName?: string;
                    containerPort?: number;
                    create?: {
                        /**
                         * @default A
                         * @enum {string}
                         */
                        dnsRecordType: "A" | "SRV";
                        name?: string;
                        namespaceId: string;
                        /** @default 60 */
                        ttl: number;
                    };
                    registryArn?: string;
                }[];
            };
            slug?: string;
            /** @default {} */
            tags: {
                [key: string]: string;
            };
            task: {
                cpu: number | string;
                /**
                 * @default X86_64
                 * @enum {string}
                 */
                cpuArchitecture: "X86_64" | "ARM64";
                ephemeralStorageGiB?: number;
                executionRoleArn?: string;
                /** @default 30 */
                logRetentionInDays: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                memory: number | string;
                taskRoleArn?: string;
                /** @default [] */
                volumes: {
                    efs: {
                        accessPointId?: string;
                        fileSystemId: string;
                        /** @enum {string} */
                        iam?: "ENABLED" | "DISABLED";
                        rootDirectory?: string;
                        /** @enum {string} */
                        transitEncryption?: "ENABLED" | "DISABLED";
                        transitEncryptionPort?: number;
                    };
                    name: string;
                }[];
            };
            /** @default [] */
            tenantTags: string[];
        } | {
            /** @default [] */
            channels: string[];
            containers: {
                /** @default [] */
                command: string[];
                /** @default 0 */
                cpu: number | string;
                /** @default [] */
                dependsOn: {
                    /** @enum {string} */
                    condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                    containerName: string;
                }[];
                /** @default {} */
                dockerLabels: {
                    [key: string]: string;
                };
                /** @default [] */
                entryPoint: string[];
                /** @default {} */
                environment: {
                    [key: string]: string;
                };
                /** @default true */
                essential: boolean;
                healthCheck?: {
                    command: string[];
                    /** @default 30 */
                    interval: number;
                    /** @default 3 */
                    retries: number;
                    startPeriod?: number;
                    /** @default 5 */
                    timeout: number;
                };
                image: string;
                linuxParameters?: {
                    initProcessEnabled: boolean;
                };
                /**
                 * @default awslogs
                 * @enum {string}
                 */
                logging: "awslogs" | "none";
                /** @default null */
                memory: (number | string) | null;
                /** @default null */
                memoryReservation: (number | string) | null;
                /** @default [] */
                mountPoints: {
                    containerPath: string;
                    /** @default false */
                    readOnly: boolean;
                    sourceVolume: string;
                }[];
                name: string;
                /** @default [] */
                portMappings: {
                    /** @enum {string} */
                    appProtocol?: "http" | "http2" | "grpc";
                    containerPort: number;
                    hostPort?: number;
                    name?: string;
                    /**
                     * @default tcp
                     * @enum {string}
                     */
                    protocol: "tcp" | "udp";
                }[];
                readonlyRootFilesystem?: boolean;
                /** @default {} */
                secrets: {
                    [key: string]: string;
                };
                stopTimeout?: number;
                /** @default [] */
                ulimits: {
                    hardLimit: number;
                    /** @enum {string} */
                    name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                    softLimit: number;
                }[];
                user?: string;
                workingDirectory?: string;
            }[];
            /** @default [] */
            environments: string[];
            /** @default [] */
            excludeEnvironments: string[];
            /** @constant */
            kind: "ecs-run-task";
            name: string;
            network: {
                /** @default false */
                assignPublicIp: boolean;
                /** @default [] */
                securityGroups: string[];
                subnets: string[];
            };
            /** @default false */
            parallelWithPrevious: boolean;
            slug?: string;
            task: {
                cpu: number | string;
                /**
                 * @default X86_64
                 * @enum {string}
                 */
                cpuArchitecture: "X86_64" | "ARM64";
                ephemeralStorageGiB?: number;
                executionRoleArn?: string;
                /** @default 30 */
                logRetentionInDays: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                memory: number | string;
                taskRoleArn?: string;
                /** @default [] */
                volumes: {
                    efs: {
                        accessPointId?: string;
                        fileSystemId: string;
                        /** @enum {string} */
                        iam?: "ENABLED" | "DISABLED";
                        rootDirectory?: string;
                        /** @enum {string} */
                        transitEncryption?: "ENABLED" | "DISABLED";
                        transitEncryptionPort?: number;
                    };
                    name: string;
                }[];
            };
            /** @default [] */
            tenantTags: string[];
            timeoutSeconds?: number;
        } | {
            /** @default [] */
            channels: string[];
            cluster?: string;
            containers: {
                [key: string]: {
                    image: string;
                };
            };
            /** @default {} */
            environment: {
                [key: string]: string;
            };
            /** @default [] */
            environments: string[];
            /** @default [] */
            excludeEnvironments: string[];
            /** @constant */
            kind: "ecs-update-service";
            name: string;
            /** @default false */
            parallelWithPrevious: boolean;
            service: string;
            slug?: string;
            /** @default [] */
            tenantTags: string[];
        } | {
            /** @default {} */
            approvers: {
                apiKeys?: string[];
                roles?: ("admin" | "deployer")[];
            };
            /** @default [] */
            channels: string[];
            /** @default [] */
            environments: string[];
            /** @default [] */
            excludeEnvironments: string[];
            instructions: string;
            /** @constant */
            kind: "manual-intervention";
            name: string;
            /** @default false */
            parallelWithPrevious: boolean;
            /** @default false */
            preventSelfApproval: boolean;
            slug?: string;
            /** @default [] */
            tenantTags: string[];
            timeoutMinutes?: number;
        };
        ProgressionCell: {
            environment: components["schemas"]["ResourceRef"];
            /** @description The freeze that holds this place now, until when, or null */
            frozen: {
                freeze: {
                    id: string;
                    name: string;
                };
                message: string;
                /** Format: date-time */
                until: string;
            } | null;
            /** @description The latest attempt there, of any release */
            latest: {
                deploymentId: string;
                release: {
                    id: string;
                    version: string;
                };
                /** @enum {string} */
                status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            } | null;
            /** @description What runs there: the deployment that succeeded last */
            live: {
                deploymentId: string;
                finishedAt: string | null;
                release: {
                    id: string;
                    version: string;
                };
            } | null;
            /** @description For a blocked cell: the environments still missing */
            missingEnvironments?: components["schemas"]["ResourceRef"][];
            /** @description null: the lifecycle lacks the environment */
            phase: string | null;
            reason: string;
            /** @enum {string} */
            status: "deployed" | "allowed" | "blocked";
            tenant: components["schemas"]["ResourceRef"] | null;
        };
        ProgressionPage: {
            items: components["schemas"]["ProgressionCell"][];
            /** @description Items matching, over every page */
            total: number;
        };
        ProgressionSummary: {
            environment: components["schemas"]["ResourceRef"];
            phase: string | null;
            /** @description Tenanted and mixed projects: tenant cells per status */
            tenants?: {
                allowed: number;
                blocked: number;
                deployed: number;
                total: number;
            };
            /** @description The untenanted cell (untenanted and mixed projects), or null */
            untenanted: {
                /** @description For a blocked cell: the environments still missing */
                missingEnvironments?: components["schemas"]["ResourceRef"][];
                reason: string;
                /** @enum {string} */
                status: "deployed" | "allowed" | "blocked";
            } | null;
        };
        Project: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            id: string;
            /** @description null: the default lifecycle */
            lifecycle: components["schemas"]["ResourceRef"] | null;
            name: string;
            /** @description Task definition revisions kept per family; null: all */
            retention: {
                keepTaskDefinitions: number;
            } | null;
            slug: string;
            /** @description The only step, when the process is one ecs-service step */
            step?: components["schemas"]["EcsServiceStep"];
            steps: components["schemas"]["ProcessStep"][];
            targetTags: string[];
            /** @enum {string} */
            tenancy: "untenanted" | "tenanted" | "mixed";
            /** Format: date-time */
            updatedAt: string;
        };
        ProjectPage: {
            items: components["schemas"]["Project"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Readiness: {
            /** @description 'up', or 'down: <reason>' */
            checks: {
                postgres: string;
                redis: string;
            };
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        Release: {
            /** @description Why, when and by whom the release was blocked, or null */
            block: {
                at: string | null;
                by: string | null;
                reason: string;
            } | null;
            /** @description A blocked release is deployed nowhere further */
            blocked: boolean;
            /** @description Where the images were built (CI build information), or null */
            build: {
                branch?: string;
                commit?: string;
                number?: string;
                repository?: string;
                url?: string;
            } | null;
            channel: {
                id: string;
                name: string | null;
                slug: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description Image tag per container */
            images: {
                [key: string]: string;
            };
            notes: string;
            /** @description The first cells, per environment (and tenant, where tenanted): deployed, allowed or blocked; GET /api/releases/{id}/progression pages them all */
            progression: components["schemas"]["ProgressionCell"][];
            progressionSummary: components["schemas"]["ProgressionSummary"][];
            /** @description Progression cells in all */
            progressionTotal: number;
            project: components["schemas"]["ResourceRef"];
            snapshot: {
                /** @description The only step, when the process is one ecs-service step */
                step?: components["schemas"]["EcsServiceStep"];
                steps: components["schemas"]["ProcessStep"][];
                /** Format: date-time */
                takenAt: string;
                variables: components["schemas"]["Variable"][];
            };
            version: string;
            workItems: {
                id: string;
                title?: string;
                url?: string;
            }[];
        };
        ReleaseDiff: {
            changes: {
                /** @description Add, Modify or Remove */
                action: string;
                logicalId: string;
                properties: {
                    after?: string;
                    before?: string;
                    /** @description Add, Remove or Modify */
                    change: string;
                    /** @description e.g. /Properties/ContainerDefinitions/0/Image */
                    path: string;
                }[];
                replacement: string | null;
                resourceType: string;
            }[];
            environment: components["schemas"]["ResourceRef"];
            release: {
                id: string;
                version: string;
            };
            /** @description False when the stack does not exist yet: every resource is added */
            stackExists: boolean;
            stackName: string;
            target: components["schemas"]["ResourceRef"];
            tenant: components["schemas"]["ResourceRef"] | null;
        };
        ReleasePage: {
            items: components["schemas"]["ReleaseSummary"][];
            /** @description Items matching, over every page */
            total: number;
        };
        ReleaseSummary: {
            /** @description Why, when and by whom the release was blocked, or null */
            block: {
                at: string | null;
                by: string | null;
                reason: string;
            } | null;
            /** @description A blocked release is deployed nowhere further */
            blocked: boolean;
            /** @description Where the images were built (CI build information), or null */
            build: {
                branch?: string;
                commit?: string;
                number?: string;
                repository?: string;
                url?: string;
            } | null;
            channel: {
                id: string;
                name: string | null;
                slug: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description Image tag per container */
            images: {
                [key: string]: string;
            };
            notes: string;
            project: components["schemas"]["ResourceRef"];
            version: string;
            workItems: {
                id: string;
                title?: string;
                url?: string;
            }[];
        };
        ResourceChange: {
            action: string;
            logicalId: string;
            replacement: string | null;
            resourceType: string;
        };
        /** @description A resource: its id and its slug */
        ResourceRef: {
            id: string;
            slug: string;
        };
        RetentionPreview: {
            /** @description Releases a run would delete, with their deployments and log lines */
            releases: {
                deployments: number;
                id: string;
                logLines: number;
                project: components["schemas"]["ResourceRef"];
                version: string;
            }[];
            /** @description Targets whose task definitions could not be looked at now */
            skipped: {
                reason: string;
                target: components["schemas"]["ResourceRef"];
            }[];
            /** @description Task definition revisions a run would deregister */
            taskDefinitions: {
                project: components["schemas"]["ResourceRef"];
                target: components["schemas"]["ResourceRef"];
                taskDefinitionArn: string;
            }[];
        };
        Subscription: {
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            /** @description Empty: every environment */
            environments: components["schemas"]["ResourceRef"][];
            events: string[];
            from?: string;
            id: string;
            /** @enum {string} */
            kind: "webhook" | "slack" | "email";
            name: string;
            /** @description Empty: every project */
            projects: components["schemas"]["ResourceRef"][];
            /** @description Webhook: always masked */
            secret?: string;
            slug: string;
            smtp?: {
                host: string;
                /** @description Masked, or null when none */
                password: string | null;
                port: number;
                secure: boolean;
                username?: string;
            };
            /** @description Empty: every tenant */
            tenantTags: string[];
            to?: string[];
            /** Format: date-time */
            updatedAt: string;
            /** @description Webhook and Slack: the origin only, the rest masked */
            url?: string;
        };
        SubscriptionPage: {
            items: components["schemas"]["Subscription"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Target: {
            cluster: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The secret access key is write-only: never returned */
            credentials: {
                accessKeyId?: string;
                externalId?: string;
                /** @description Whether a secret access key is stored */
                hasSecret: boolean;
                roleArn?: string;
                /** @enum {string} */
                type: "default" | "keys" | "assume-role" | "sandbox";
            };
            endpoint: string | null;
            environments: components["schemas"]["ResourceRef"][];
            id: string;
            name: string;
            region: string;
            slug: string;
            tags: string[];
            /** @enum {string} */
            tenantedMode: "untenanted" | "tenanted" | "mixed";
            tenants: components["schemas"]["ResourceRef"][];
            /** Format: date-time */
            updatedAt: string;
        };
        TargetCheck: {
            /** @description The cluster answered with status ACTIVE */
            active: boolean;
            cluster: string;
            detail: string;
            endpoint: string | null;
            reachable: boolean;
            region: string;
            status: string | null;
            target: components["schemas"]["ResourceRef"];
        };
        TargetPage: {
            items: components["schemas"]["Target"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Tenant: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** @description The projects the tenant is connected to, in which environments */
            projects: {
                environments: components["schemas"]["ResourceRef"][];
                project: components["schemas"]["ResourceRef"];
            }[];
            slug: string;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        TenantDashboard: {
            /** @description The environments where the project has tenants (connected or deployed), in promotion order */
            environments: {
                id: string;
                name: string;
                position: number;
                slug: string;
            }[];
            items: {
                /** @description One per environment the tenant is connected to or has a stack in, in environment order */
                cells: components["schemas"]["TenantDashboardCell"][];
                tenant: {
                    id: string;
                    name: string;
                    slug: string;
                    tags: string[];
                };
            }[];
            /** @description The cursor of the following page (`?after=`), null on the last */
            next: string | null;
            project: {
                id: string;
                name: string;
                slug: string;
                /** @enum {string} */
                tenancy: "untenanted" | "tenanted" | "mixed";
            };
            /** @description Every tag of the project's tenants, sorted: what `tag` can pick from */
            tags: string[];
            /** @description Tenants matching `tag` and `search`, every page */
            total: number;
        };
        TenantDashboardCell: {
            /** @description Whether the tenant is connected to the project here (false: a stack from before it was disconnected) */
            connected: boolean;
            /** @description One of the page's `environments` */
            environmentId: string;
            /** @description The tenant's latest deployment (attempt) here; null: never deployed */
            latest: {
                deploymentId: string;
                finishedAt: string | null;
                release: {
                    id: string;
                    version: string;
                };
                /** @enum {string} */
                status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            } | null;
            /** @description The tenant's deployment that succeeded last here: what runs there */
            live: {
                deploymentId: string;
                finishedAt: string | null;
                release: {
                    id: string;
                    version: string;
                };
            } | null;
        };
        TenantListItem: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** @description Only with ?include=connections */
            projects?: {
                environments: components["schemas"]["ResourceRef"][];
                project: components["schemas"]["ResourceRef"];
            }[];
            slug: string;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        TenantPage: {
            items: components["schemas"]["TenantListItem"][];
            /** @description Items matching, over every page */
            total: number;
        };
        Variable: {
            name: string;
            /** @description Slugs per dimension; a dimension left out matches everything */
            scope: {
                channels?: string[];
                environments?: string[];
                targets?: string[];
                tenants?: string[];
            };
            sensitive: boolean;
            /** @description null for a sensitive variable */
            value: string | null;
        };
        VariableList: {
            items: components["schemas"]["Variable"][];
            total: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AccessController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AccessController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The secret key is returned once, in this response. */
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    environments?: string[];
                    name: string;
                    /** @default [] */
                    projects?: string[];
                    /** @enum {string} */
                    role: "admin" | "deployer" | "viewer";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AccessController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AccessController_audit: {
        parameters: {
            query?: {
                actor?: string;
                limit?: number;
                offset?: number;
                resource?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DashboardController_get: {
        parameters: {
            query?: {
                environment?: string;
                limit?: number;
                offset?: number;
                project?: string;
                tenantTag?: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantDashboardController_page: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
                search?: string;
                tag?: string | string[];
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDashboard"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DashboardController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_list: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page */
                after?: string;
                /** @description Count every matching deployment into `total`: by default on offset pages, not on cursor (`after`) pages */
                count?: boolean;
                environment?: unknown;
                limit?: number;
                offset?: number;
                project?: unknown;
                /** @description A release's id: its deployments (404 when no release has it) */
                release?: string;
                status?: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
                tenant?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentList"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                step: string;
            };
            cookie?: never;
        };
        /** @description `approve` or `reject`, with an optional note. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_log: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentLog"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LiveController_stream: {
        parameters: {
            query?: {
                after?: number;
            };
            header: {
                "last-event-id": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnvironmentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnvironmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    name: string;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnvironmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnvironmentsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EnvironmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    name?: string;
                    position?: number;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FreezesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FreezePage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FreezesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A one-off window (`start` and `end`) or a recurring one (`recurrence`), over projects, environments and tenants (empty lists: all). */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    end?: string;
                    /**
                     * @description empty: every environment
                     * @default []
                     */
                    environments?: string[];
                    name: string;
                    /**
                     * @description empty: every project
                     * @default []
                     */
                    projects?: string[];
                    /** @default  */
                    reason?: string;
                    recurrence?: {
                        days?: ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
                        /** @description cron: how long each window lasts */
                        durationMinutes?: number;
                        /** @description cron: five-field expression, local to timeZone */
                        expression?: string;
                        /** @description weekly: local time HH:MM in timeZone */
                        from?: string;
                        /** @enum {string} */
                        kind: "weekly" | "cron";
                        /** @description weekly: local time HH:MM (24:00 is the end of the day); at or before from runs past midnight */
                        to?: string;
                    };
                    slug?: string;
                    /**
                     * Format: date-time
                     * @description a one-off window starts here (or bounds a recurring one)
                     */
                    start?: string;
                    /**
                     * @description empty: every tenant, and untenanted deployments
                     * @default []
                     */
                    tenants?: string[];
                    /**
                     * @description IANA time zone of recurring local times
                     * @default UTC
                     */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Freeze"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FreezesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Freeze"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FreezesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FreezesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    end?: string | null;
                    environments?: string[];
                    name?: string;
                    projects?: string[];
                    reason?: string;
                    recurrence?: {
                        days?: ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
                        /** @description cron: how long each window lasts */
                        durationMinutes?: number;
                        /** @description cron: five-field expression, local to timeZone */
                        expression?: string;
                        /** @description weekly: local time HH:MM in timeZone */
                        from?: string;
                        /** @enum {string} */
                        kind: "weekly" | "cron";
                        /** @description weekly: local time HH:MM (24:00 is the end of the day); at or before from runs past midnight */
                        to?: string;
                    } | null;
                    slug?: string;
                    start?: string | null;
                    tenants?: string[];
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Freeze"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LifecyclesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LifecyclePage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LifecyclesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    phases: {
                        /** @default [] */
                        automatic?: string[];
                        environments: string[];
                        /** @default 0 */
                        minimumEnvironmentsBeforePromotion?: number;
                        name: string;
                        /** @default false */
                        optional?: boolean;
                        /**
                         * @description Retention of releases in this phase; null (the default): keep all
                         * @default null
                         */
                        retention?: {
                            /** @description Keep the newest N releases deployed into this phase */
                            keepReleases: number;
                        } | null;
                    }[];
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lifecycle"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LifecyclesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lifecycle"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LifecyclesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LifecyclesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    phases?: {
                        /** @default [] */
                        automatic?: string[];
                        environments: string[];
                        /** @default 0 */
                        minimumEnvironmentsBeforePromotion?: number;
                        name: string;
                        /** @default false */
                        optional?: boolean;
                        /**
                         * @description Retention of releases in this phase; null (the default): keep all
                         * @default null
                         */
                        retention?: {
                            /** @description Keep the newest N releases deployed into this phase */
                            keepReleases: number;
                        } | null;
                    }[];
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lifecycle"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    lifecycle?: string;
                    name: string;
                    /**
                     * @description Retention of task definition revisions; null (the default): keep all
                     * @default null
                     */
                    retention?: {
                        /** @description Keep the newest N revisions of each task definition family on the targets; older ones no service uses are deregistered */
                        keepTaskDefinitions: number;
                    } | null;
                    slug?: string;
                    step?: {
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        service: {
                            autoScaling?: {
                                maxCapacity: number;
                                minCapacity: number;
                                /** @default [] */
                                scheduled?: {
                                    maxCapacity?: number;
                                    minCapacity?: number;
                                    name: string;
                                    schedule: string;
                                    timezone?: string;
                                }[];
                                /** @default [] */
                                targetTracking?: {
                                    loadBalancerArn?: string;
                                    /** @enum {string} */
                                    metric: "cpu" | "memory" | "alb-requests";
                                    scaleInCooldown?: number;
                                    scaleOutCooldown?: number;
                                    target: number;
                                    targetGroupArn?: string;
                                }[];
                            };
                            bakeTimeInMinutes?: number;
                            /** @default [] */
                            capacityProviderStrategy?: {
                                base?: number;
                                /** @enum {string} */
                                capacityProvider: "FARGATE" | "FARGATE_SPOT";
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "enable": true,
                             *       "rollback": true
                             *     }
                             */
                            circuitBreaker?: {
                                /** @default true */
                                enable?: boolean;
                                /** @default true */
                                rollback?: boolean;
                            };
                            /**
                             * @default rolling
                             * @enum {string}
                             */
                            deploymentStrategy?: "rolling" | "blue-green";
                            /** @default 1 */
                            desiredCount?: number | string;
                            /** @default false */
                            enableExecuteCommand?: boolean;
                            /** @default 0 */
                            healthCheckGracePeriodSeconds?: number | string;
                            /** @constant */
                            launchType?: "FARGATE";
                            /** @default [] */
                            loadBalancers?: {
                                advancedConfiguration?: {
                                    alternateTargetGroupArn: string;
                                    productionListenerRule: string;
                                    roleArn: string;
                                    testListenerRule?: string;
                                };
                                containerName: string;
                                containerPort: number;
                                targetGroupArn: string;
                            }[];
                            /** @default 200 */
                            maximumPercent?: number;
                            /** @default 100 */
                            minimumHealthyPercent?: number;
                            network: {
                                /** @default false */
                                assignPublicIp?: boolean;
                                /** @default [] */
                                securityGroups?: string[];
                                subnets: string[];
                            };
                            /** @default LATEST */
                            platformVersion?: string;
                            serviceConnect?: {
                                namespace: string;
                                /** @default [] */
                                services?: {
                                    /** @default [] */
                                    clientAliases?: {
                                        dnsName?: string;
                                        port: number;
                                    }[];
                                    discoveryName?: string;
                                    portName: string;
                                }[];
                            };
                            /** @default [] */
                            serviceRegistries?: {
                                containerName?: string;
                                containerPort?: number;
                                create?: {
                                    /**
                                     * @default A
                                     * @enum {string}
                                     */
                                    dnsRecordType?: "A" | "SRV";
                                    name?: string;
                                    namespaceId: string;
                                    /** @default 60 */
                                    ttl?: number;
                                };
                                registryArn?: string;
                            }[];
                        };
                        /** @default {} */
                        tags?: {
                            [key: string]: string;
                        };
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                    };
                    steps?: ({
                        /** @default [] */
                        channels?: string[];
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-service";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        service: {
                            autoScaling?: {
                                maxCapacity: number;
                                minCapacity: number;
                                /** @default [] */
                                scheduled?: {
                                    maxCapacity?: number;
                                    minCapacity?: number;
                                    name: string;
                                    schedule: string;
                                    timezone?: string;
                                }[];
                                /** @default [] */
                                targetTracking?: {
                                    loadBalancerArn?: string;
                                    /** @enum {string} */
                                    metric: "cpu" | "memory" | "alb-requests";
                                    scaleInCooldown?: number;
                                    scaleOutCooldown?: number;
                                    target: number;
                                    targetGroupArn?: string;
                                }[];
                            };
                            bakeTimeInMinutes?: number;
                            /** @default [] */
                            capacityProviderStrategy?: {
                                base?: number;
                                /** @enum {string} */
                                capacityProvider: "FARGATE" | "FARGATE_SPOT";
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "enable": true,
                             *       "rollback": true
                             *     }
                             */
                            circuitBreaker?: {
                                /** @default true */
                                enable?: boolean;
                                /** @default true */
                                rollback?: boolean;
                            };
                            /**
                             * @default rolling
                             * @enum {string}
                             */
                            deploymentStrategy?: "rolling" | "blue-green";
                            /** @default 1 */
                            desiredCount?: number | string;
                            /** @default false */
                            enableExecuteCommand?: boolean;
                            /** @default 0 */
                            healthCheckGracePeriodSeconds?: number | string;
                            /** @constant */
                            launchType?: "FARGATE";
                            /** @default [] */
                            loadBalancers?: {
                                advancedConfiguration?: {
                                    alternateTargetGroupArn: string;
                                    productionListenerRule: string;
                                    roleArn: string;
                                    testListenerRule?: string;
                                };
                                containerName: string;
                                containerPort: number;
                                targetGroupArn: string;
                            }[];
                            /** @default 200 */
                            maximumPercent?: number;
                            /** @default 100 */
                            minimumHealthyPercent?: number;
                            network: {
                                /** @default false */
                                assignPublicIp?: boolean;
                                /** @default [] */
                                securityGroups?: string[];
                                subnets: string[];
                            };
                            /** @default LATEST */
                            platformVersion?: string;
                            serviceConnect?: {
                                namespace: string;
                                /** @default [] */
                                services?: {
                                    /** @default [] */
                                    clientAliases?: {
                                        dnsName?: string;
                                        port: number;
                                    }[];
                                    discoveryName?: string;
                                    portName: string;
                                }[];
                            };
                            /** @default [] */
                            serviceRegistries?: {
                                containerName?: string;
                                containerPort?: number;
                                create?: {
                                    /**
                                     * @default A
                                     * @enum {string}
                                     */
                                    dnsRecordType?: "A" | "SRV";
                                    name?: string;
                                    namespaceId: string;
                                    /** @default 60 */
                                    ttl?: number;
                                };
                                registryArn?: string;
                            }[];
                        };
                        slug?: string;
                        /** @default {} */
                        tags?: {
                            [key: string]: string;
                        };
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                        /** @default [] */
                        tenantTags?: string[];
                    } | {
                        /** @default [] */
                        channels?: string[];
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-run-task";
                        name: string;
                        network: {
                            /** @default false */
                            assignPublicIp?: boolean;
                            /** @default [] */
                            securityGroups?: string[];
                            subnets: string[];
                        };
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        slug?: string;
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                        /** @default [] */
                        tenantTags?: string[];
                        timeoutSeconds?: number;
                    } | {
                        /** @default [] */
                        channels?: string[];
                        cluster?: string;
                        containers: {
                            [key: string]: {
                                image: string;
                            };
                        };
                        /** @default {} */
                        environment?: {
                            [key: string]: string;
                        };
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-update-service";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        service: string;
                        slug?: string;
                        /** @default [] */
                        tenantTags?: string[];
                    } | {
                        /** @default {} */
                        approvers?: {
                            apiKeys?: string[];
                            roles?: ("admin" | "deployer")[];
                        };
                        /** @default [] */
                        channels?: string[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        instructions: string;
                        /** @constant */
                        kind: "manual-intervention";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        /** @default false */
                        preventSelfApproval?: boolean;
                        slug?: string;
                        /** @default [] */
                        tenantTags?: string[];
                        timeoutMinutes?: number;
                    })[];
                    targetTags: string[];
                    /**
                     * @default untenanted
                     * @enum {string}
                     */
                    tenancy?: "untenanted" | "tenanted" | "mixed";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProjectsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    lifecycle?: string | null;
                    name?: string;
                    /** @description Retention of task definition revisions; null (the default): keep all */
                    retention?: {
                        /** @description Keep the newest N revisions of each task definition family on the targets; older ones no service uses are deregistered */
                        keepTaskDefinitions: number;
                    } | null;
                    slug?: string;
                    step?: {
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        service: {
                            autoScaling?: {
                                maxCapacity: number;
                                minCapacity: number;
                                /** @default [] */
                                scheduled?: {
                                    maxCapacity?: number;
                                    minCapacity?: number;
                                    name: string;
                                    schedule: string;
                                    timezone?: string;
                                }[];
                                /** @default [] */
                                targetTracking?: {
                                    loadBalancerArn?: string;
                                    /** @enum {string} */
                                    metric: "cpu" | "memory" | "alb-requests";
                                    scaleInCooldown?: number;
                                    scaleOutCooldown?: number;
                                    target: number;
                                    targetGroupArn?: string;
                                }[];
                            };
                            bakeTimeInMinutes?: number;
                            /** @default [] */
                            capacityProviderStrategy?: {
                                base?: number;
                                /** @enum {string} */
                                capacityProvider: "FARGATE" | "FARGATE_SPOT";
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "enable": true,
                             *       "rollback": true
                             *     }
                             */
                            circuitBreaker?: {
                                /** @default true */
                                enable?: boolean;
                                /** @default true */
                                rollback?: boolean;
                            };
                            /**
                             * @default rolling
                             * @enum {string}
                             */
                            deploymentStrategy?: "rolling" | "blue-green";
                            /** @default 1 */
                            desiredCount?: number | string;
                            /** @default false */
                            enableExecuteCommand?: boolean;
                            /** @default 0 */
                            healthCheckGracePeriodSeconds?: number | string;
                            /** @constant */
                            launchType?: "FARGATE";
                            /** @default [] */
                            loadBalancers?: {
                                advancedConfiguration?: {
                                    alternateTargetGroupArn: string;
                                    productionListenerRule: string;
                                    roleArn: string;
                                    testListenerRule?: string;
                                };
                                containerName: string;
                                containerPort: number;
                                targetGroupArn: string;
                            }[];
                            /** @default 200 */
                            maximumPercent?: number;
                            /** @default 100 */
                            minimumHealthyPercent?: number;
                            network: {
                                /** @default false */
                                assignPublicIp?: boolean;
                                /** @default [] */
                                securityGroups?: string[];
                                subnets: string[];
                            };
                            /** @default LATEST */
                            platformVersion?: string;
                            serviceConnect?: {
                                namespace: string;
                                /** @default [] */
                                services?: {
                                    /** @default [] */
                                    clientAliases?: {
                                        dnsName?: string;
                                        port: number;
                                    }[];
                                    discoveryName?: string;
                                    portName: string;
                                }[];
                            };
                            /** @default [] */
                            serviceRegistries?: {
                                containerName?: string;
                                containerPort?: number;
                                create?: {
                                    /**
                                     * @default A
                                     * @enum {string}
                                     */
                                    dnsRecordType?: "A" | "SRV";
                                    name?: string;
                                    namespaceId: string;
                                    /** @default 60 */
                                    ttl?: number;
                                };
                                registryArn?: string;
                            }[];
                        };
                        /** @default {} */
                        tags?: {
                            [key: string]: string;
                        };
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                    };
                    steps?: ({
                        /** @default [] */
                        channels?: string[];
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-service";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        service: {
                            autoScaling?: {
                                maxCapacity: number;
                                minCapacity: number;
                                /** @default [] */
                                scheduled?: {
                                    maxCapacity?: number;
                                    minCapacity?: number;
                                    name: string;
                                    schedule: string;
                                    timezone?: string;
                                }[];
                                /** @default [] */
                                targetTracking?: {
                                    loadBalancerArn?: string;
                                    /** @enum {string} */
                                    metric: "cpu" | "memory" | "alb-requests";
                                    scaleInCooldown?: number;
                                    scaleOutCooldown?: number;
                                    target: number;
                                    targetGroupArn?: string;
                                }[];
                            };
                            bakeTimeInMinutes?: number;
                            /** @default [] */
                            capacityProviderStrategy?: {
                                base?: number;
                                /** @enum {string} */
                                capacityProvider: "FARGATE" | "FARGATE_SPOT";
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "enable": true,
                             *       "rollback": true
                             *     }
                             */
                            circuitBreaker?: {
                                /** @default true */
                                enable?: boolean;
                                /** @default true */
                                rollback?: boolean;
                            };
                            /**
                             * @default rolling
                             * @enum {string}
                             */
                            deploymentStrategy?: "rolling" | "blue-green";
                            /** @default 1 */
                            desiredCount?: number | string;
                            /** @default false */
                            enableExecuteCommand?: boolean;
                            /** @default 0 */
                            healthCheckGracePeriodSeconds?: number | string;
                            /** @constant */
                            launchType?: "FARGATE";
                            /** @default [] */
                            loadBalancers?: {
                                advancedConfiguration?: {
                                    alternateTargetGroupArn: string;
                                    productionListenerRule: string;
                                    roleArn: string;
                                    testListenerRule?: string;
                                };
                                containerName: string;
                                containerPort: number;
                                targetGroupArn: string;
                            }[];
                            /** @default 200 */
                            maximumPercent?: number;
                            /** @default 100 */
                            minimumHealthyPercent?: number;
                            network: {
                                /** @default false */
                                assignPublicIp?: boolean;
                                /** @default [] */
                                securityGroups?: string[];
                                subnets: string[];
                            };
                            /** @default LATEST */
                            platformVersion?: string;
                            serviceConnect?: {
                                namespace: string;
                                /** @default [] */
                                services?: {
                                    /** @default [] */
                                    clientAliases?: {
                                        dnsName?: string;
                                        port: number;
                                    }[];
                                    discoveryName?: string;
                                    portName: string;
                                }[];
                            };
                            /** @default [] */
                            serviceRegistries?: {
                                containerName?: string;
                                containerPort?: number;
                                create?: {
                                    /**
                                     * @default A
                                     * @enum {string}
                                     */
                                    dnsRecordType?: "A" | "SRV";
                                    name?: string;
                                    namespaceId: string;
                                    /** @default 60 */
                                    ttl?: number;
                                };
                                registryArn?: string;
                            }[];
                        };
                        slug?: string;
                        /** @default {} */
                        tags?: {
                            [key: string]: string;
                        };
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                        /** @default [] */
                        tenantTags?: string[];
                    } | {
                        /** @default [] */
                        channels?: string[];
                        containers: {
                            /** @default [] */
                            command?: string[];
                            /** @default 0 */
                            cpu?: number | string;
                            /** @default [] */
                            dependsOn?: {
                                /** @enum {string} */
                                condition: "START" | "COMPLETE" | "SUCCESS" | "HEALTHY";
                                containerName: string;
                            }[];
                            /** @default {} */
                            dockerLabels?: {
                                [key: string]: string;
                            };
                            /** @default [] */
                            entryPoint?: string[];
                            /** @default {} */
                            environment?: {
                                [key: string]: string;
                            };
                            /** @default true */
                            essential?: boolean;
                            healthCheck?: {
                                command: string[];
                                /** @default 30 */
                                interval?: number;
                                /** @default 3 */
                                retries?: number;
                                startPeriod?: number;
                                /** @default 5 */
                                timeout?: number;
                            };
                            image: string;
                            linuxParameters?: {
                                initProcessEnabled: boolean;
                            };
                            /**
                             * @default awslogs
                             * @enum {string}
                             */
                            logging?: "awslogs" | "none";
                            /** @default null */
                            memory?: (number | string) | null;
                            /** @default null */
                            memoryReservation?: (number | string) | null;
                            /** @default [] */
                            mountPoints?: {
                                containerPath: string;
                                /** @default false */
                                readOnly?: boolean;
                                sourceVolume: string;
                            }[];
                            name: string;
                            /** @default [] */
                            portMappings?: {
                                /** @enum {string} */
                                appProtocol?: "http" | "http2" | "grpc";
                                containerPort: number;
                                hostPort?: number;
                                name?: string;
                                /**
                                 * @default tcp
                                 * @enum {string}
                                 */
                                protocol?: "tcp" | "udp";
                            }[];
                            readonlyRootFilesystem?: boolean;
                            /** @default {} */
                            secrets?: {
                                [key: string]: string;
                            };
                            stopTimeout?: number;
                            /** @default [] */
                            ulimits?: {
                                hardLimit: number;
                                /** @enum {string} */
                                name: "core" | "cpu" | "data" | "fsize" | "locks" | "memlock" | "msgqueue" | "nice" | "nofile" | "nproc" | "rss" | "rtprio" | "rttime" | "sigpending" | "stack";
                                softLimit: number;
                            }[];
                            user?: string;
                            workingDirectory?: string;
                        }[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-run-task";
                        name: string;
                        network: {
                            /** @default false */
                            assignPublicIp?: boolean;
                            /** @default [] */
                            securityGroups?: string[];
                            subnets: string[];
                        };
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        slug?: string;
                        task: {
                            cpu: number | string;
                            /**
                             * @default X86_64
                             * @enum {string}
                             */
                            cpuArchitecture?: "X86_64" | "ARM64";
                            ephemeralStorageGiB?: number;
                            executionRoleArn?: string;
                            /** @default 30 */
                            logRetentionInDays?: 1 | 3 | 5 | 7 | 14 | 30 | 60 | 90 | 180 | 365;
                            memory: number | string;
                            taskRoleArn?: string;
                            /** @default [] */
                            volumes?: {
                                efs: {
                                    accessPointId?: string;
                                    fileSystemId: string;
                                    /** @enum {string} */
                                    iam?: "ENABLED" | "DISABLED";
                                    rootDirectory?: string;
                                    /** @enum {string} */
                                    transitEncryption?: "ENABLED" | "DISABLED";
                                    transitEncryptionPort?: number;
                                };
                                name: string;
                            }[];
                        };
                        /** @default [] */
                        tenantTags?: string[];
                        timeoutSeconds?: number;
                    } | {
                        /** @default [] */
                        channels?: string[];
                        cluster?: string;
                        containers: {
                            [key: string]: {
                                image: string;
                            };
                        };
                        /** @default {} */
                        environment?: {
                            [key: string]: string;
                        };
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        /** @constant */
                        kind: "ecs-update-service";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        service: string;
                        slug?: string;
                        /** @default [] */
                        tenantTags?: string[];
                    } | {
                        /** @default {} */
                        approvers?: {
                            apiKeys?: string[];
                            roles?: ("admin" | "deployer")[];
                        };
                        /** @default [] */
                        channels?: string[];
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        excludeEnvironments?: string[];
                        instructions: string;
                        /** @constant */
                        kind: "manual-intervention";
                        name: string;
                        /** @default false */
                        parallelWithPrevious?: boolean;
                        /** @default false */
                        preventSelfApproval?: boolean;
                        slug?: string;
                        /** @default [] */
                        tenantTags?: string[];
                        timeoutMinutes?: number;
                    })[];
                    targetTags?: string[];
                    /** @enum {string} */
                    tenancy?: "untenanted" | "tenanted" | "mixed";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    isDefault?: boolean;
                    lifecycle?: string;
                    name: string;
                    /** @default [] */
                    rules?: {
                        containers: string[];
                        /** @description An RE2 regular expression the whole tag, or a semver tag's pre-release part, must match: '^$' (no pre-release), '-hotfix'. RE2 matches in linear time; it has no lookaround or backreferences. */
                        tagPattern?: string;
                        /** @description A semver range the tag must satisfy, pre-releases included: '>=1.2.0 <2.0.0'. */
                        versionRange?: string;
                    }[];
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelRef: string;
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelRef: string;
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelRef: string;
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    isDefault?: boolean;
                    lifecycle?: string | null;
                    name?: string;
                    rules?: {
                        containers: string[];
                        /** @description An RE2 regular expression the whole tag, or a semver tag's pre-release part, must match: '^$' (no pre-release), '-hotfix'. RE2 matches in linear time; it has no lookaround or backreferences. */
                        tagPattern?: string;
                        /** @description A semver range the tag must satisfy, pre-releases included: '>=1.2.0 <2.0.0'. */
                        versionRange?: string;
                    }[];
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_project: {
        parameters: {
            query?: {
                format?: "json" | "yaml";
                release?: string;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/yaml": string;
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_promote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        /** @description Per tenant (or untenanted), deploys to `to` the release whose deployment last succeeded in `from`. */
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    force?: boolean;
                    from: string;
                    override?: {
                        reason: string;
                    };
                    /** @default false */
                    skipBlocked?: boolean;
                    tenants?: string[];
                    tenantTags?: string[];
                    to: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleasePage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        /** @description Creates a release; its automatic deployments are queued and returned in `deployments`. */
        requestBody: {
            content: {
                "application/json": {
                    build?: {
                        branch?: string;
                        commit?: string;
                        number?: string;
                        repository?: string;
                        url?: string;
                    };
                    channel?: string;
                    defaultTag?: string;
                    /** @default {} */
                    images?: {
                        [key: string]: string;
                    };
                    /** @default  */
                    notes?: string;
                    /** @description Default: defaultTag when it is a semantic version, else the images' tag when every image has the same one and it is a semantic version, otherwise the next patch version after the project's highest. */
                    version?: string;
                    /** @default [] */
                    workItems?: {
                        id: string;
                        title?: string;
                        url?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedRelease"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_projectStep: {
        parameters: {
            query?: {
                format?: "json" | "yaml";
                release?: string;
            };
            header?: never;
            path: {
                ref: string;
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/yaml": string;
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    VariablesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariableList"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    VariablesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        /** @description Replaces the whole set. A sensitive item with value null keeps its stored value. */
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        name: string;
                        /** @default {} */
                        scope?: {
                            channels?: string[];
                            environments?: string[];
                            targets?: string[];
                            tenants?: string[];
                        };
                        /** @default false */
                        sensitive?: boolean;
                        value: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariableList"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_block: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeploymentsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description One deployment per chosen tenant (or one untenanted). `force` deploys again where this release is already queued, running or current; it never bypasses the lifecycle. */
        requestBody: {
            content: {
                "application/json": {
                    environment: string;
                    /** @default false */
                    force?: boolean;
                    override?: {
                        reason: string;
                    };
                    tenants?: string[];
                    tenantTags?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_diff: {
        parameters: {
            query: {
                environment: string;
                step?: string;
                target?: string;
                tenant?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseDiff"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_progression: {
        parameters: {
            query?: {
                environment?: string;
                limit?: number;
                offset?: number;
                status?: "deployed" | "allowed" | "blocked";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressionPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_refreshSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TemplatesController_release: {
        parameters: {
            query: {
                environment: string;
                format?: "json" | "yaml";
                step?: string;
                target?: string;
                tenant?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/yaml": string;
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of Gantry refused it (channel rule, Fargate size, variables, targets) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReleasesController_unblock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RetentionController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPreview"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @description empty: every environment
                     * @default []
                     */
                    environments?: string[];
                    events: ("deployment.queued" | "deployment.started" | "deployment.waiting-for-approval" | "deployment.succeeded" | "deployment.failed" | "deployment.cancelled" | "release.created" | "release.blocked")[];
                    /**
                     * Format: email
                     * @description email: sender
                     */
                    from?: string;
                    /** @enum {string} */
                    kind: "webhook" | "slack" | "email";
                    name: string;
                    /**
                     * @description empty: every project
                     * @default []
                     */
                    projects?: string[];
                    /** @description webhook: signs every request (HMAC-SHA256); write-only */
                    secret?: string;
                    slug?: string;
                    /** @description email: the SMTP server */
                    smtp?: {
                        host: string;
                        /** @description write-only, stored encrypted */
                        password?: string;
                        /** @default 587 */
                        port?: number;
                        /**
                         * @description TLS from the start (port 465); otherwise STARTTLS when offered
                         * @default false
                         */
                        secure?: boolean;
                        username?: string;
                    };
                    /**
                     * @description deployments of tenants with these tags
                     * @default []
                     */
                    tenantTags?: string[];
                    /** @description email: recipients */
                    to?: string[];
                    /** @description webhook and slack: where to POST (write-only, stored encrypted) */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled?: boolean;
                    /** @description empty: every environment */
                    environments?: string[];
                    events?: ("deployment.queued" | "deployment.started" | "deployment.waiting-for-approval" | "deployment.succeeded" | "deployment.failed" | "deployment.cancelled" | "release.created" | "release.blocked")[];
                    /** Format: email */
                    from?: string;
                    name?: string;
                    /** @description empty: every project */
                    projects?: string[];
                    secret?: string;
                    slug?: string;
                    smtp?: {
                        host: string;
                        /** @description write-only, stored encrypted */
                        password?: string;
                        /** @default 587 */
                        port?: number;
                        /**
                         * @description TLS from the start (port 465); otherwise STARTTLS when offered
                         * @default false
                         */
                        secure?: boolean;
                        username?: string;
                    };
                    /** @description deployments of tenants with these tags */
                    tenantTags?: string[];
                    to?: string[];
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SubscriptionsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationReplay"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TargetsController_list: {
        parameters: {
            query?: {
                /** @description Only targets in this environment (id or slug) */
                environment?: string;
                limit?: number;
                offset?: number;
                /** @description Only targets carrying this tag; repeat it for any of several */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TargetsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An ECS cluster target. credentials.secretAccessKey is write-only. */
        requestBody: {
            content: {
                "application/json": {
                    cluster: string;
                    credentials: {
                        accessKeyId?: string | null;
                        externalId?: string | null;
                        roleArn?: string | null;
                        secretAccessKey?: string | null;
                        /** @enum {string} */
                        type: "default" | "keys" | "assume-role" | "sandbox";
                    };
                    endpoint?: string | null;
                    environments: string[];
                    name: string;
                    region?: string;
                    slug?: string;
                    tags: string[];
                    /**
                     * @default untenanted
                     * @enum {string}
                     */
                    tenantedMode?: "untenanted" | "tenanted" | "mixed";
                    /** @default [] */
                    tenants?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Target"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TargetsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Target"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TargetsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TargetsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        /** @description Credentials sent replace the stored ones; keys sent without a secret keep the stored secret. */
        requestBody: {
            content: {
                "application/json": {
                    cluster?: string;
                    credentials?: {
                        accessKeyId?: string | null;
                        externalId?: string | null;
                        roleArn?: string | null;
                        secretAccessKey?: string | null;
                        /** @enum {string} */
                        type: "default" | "keys" | "assume-role" | "sandbox";
                    };
                    endpoint?: string | null;
                    environments?: string[];
                    name?: string;
                    region?: string;
                    slug?: string;
                    tags?: string[];
                    /** @enum {string} */
                    tenantedMode?: "untenanted" | "tenanted" | "mixed";
                    tenants?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Target"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LiveController_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetCheck"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantsController_list: {
        parameters: {
            query?: {
                /** @description 'connections' embeds each tenant's projects and environments (`projects`) */
                include?: "connections";
                limit?: number;
                offset?: number;
                /** @description Only tenants connected to this project (id or slug) */
                project?: string;
                /** @description Tenant tag 'group/value'; repeat it: one tag of each group must match */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantPage"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default [] */
                    projects?: {
                        environments: string[];
                        project: string;
                    }[];
                    slug?: string;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TenantsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    projects?: {
                        environments: string[];
                        project: string;
                    }[];
                    slug?: string;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Malformed or invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the permission or the scope this needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reference */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflict with the current state (duplicate, in use, lifecycle, stack busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AccessController_whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentKey"];
                };
            };
            /** @description No API key, or an unknown or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed authentications from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is unreachable; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description PostgreSQL or Redis does not answer; `checks` names which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
}
