import { useCallback, useEffect, useMemo, useState } from 'react';
import { Route, Switch } from 'wouter';
import { Center, Loader } from '@mantine/core';
import { Layout } from './components/Layout';
import { createGantryClient, whoami } from './lib/api';
import { CurrentKey, permissionsOf, Session, SessionContext } from './lib/auth';
import { forgetKey, storedKey, storeKey } from './lib/session';
import { SignIn } from './pages/SignIn';
import { Dashboard } from './pages/Dashboard';
import { NotFound } from './pages/NotFound';
import { Project } from './pages/Project';
import { ProjectTenants } from './pages/ProjectTenants';
import { Release } from './pages/Release';
import { Deployment } from './pages/Deployment';
import { ApiKeys, Audit, Environments, Lifecycles, Targets, Tenants } from './pages/Admin';
import { Freezes } from './pages/Freezes';
import { Subscriptions } from './pages/Subscriptions';

export function App() {
  const [apiKey, setApiKey] = useState<string | null>(() => storedKey());
  const [key, setKey] = useState<CurrentKey | null>(null);
  const [message, setMessage] = useState<string>();

  const signOut = useCallback((why?: string) => {
    forgetKey();
    setApiKey(null);
    setKey(null);
    setMessage(why);
  }, []);

  // A key kept from before a reload is asked about again: it may have been revoked since.
  useEffect(() => {
    if (!apiKey || key) return;
    whoami(apiKey).then(
      (current) => (current ? setKey(current) : signOut('That key is no longer valid.')),
      () => signOut('Gantry did not answer; try again.'),
    );
  }, [apiKey, key, signOut]);

  const session = useMemo<Session | null>(() => {
    if (!apiKey || !key) return null;
    return {
      apiKey,
      key,
      can: permissionsOf(key),
      client: createGantryClient(apiKey, () => signOut('The key was revoked or is unknown.')),
      signOut: () => signOut(),
    };
  }, [apiKey, key, signOut]);

  if (!apiKey) {
    return (
      <SignIn
        message={message}
        onSignedIn={(secret, current) => {
          storeKey(secret);
          setMessage(undefined);
          setKey(current);
          setApiKey(secret);
        }}
      />
    );
  }
  if (!session) {
    return (
      <Center h="100vh">
        <Loader aria-label="Signing in" />
      </Center>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Layout>
        <Switch>
          <Route path="/" component={Dashboard} />
          <Route path="/projects/:ref/tenants" component={ProjectTenants} />
          <Route path="/projects/:ref" component={Project} />
          <Route path="/releases/:id" component={Release} />
          <Route path="/deployments/:id" component={Deployment} />
          <Route path="/environments" component={Environments} />
          <Route path="/lifecycles" component={Lifecycles} />
          <Route path="/targets" component={Targets} />
          <Route path="/tenants" component={Tenants} />
          <Route path="/freezes" component={Freezes} />
          {session.can.admin && <Route path="/api-keys" component={ApiKeys} />}
          {session.can.admin && <Route path="/subscriptions" component={Subscriptions} />}
          {session.can.admin && <Route path="/audit" component={Audit} />}
          <Route component={NotFound} />
        </Switch>
      </Layout>
    </SessionContext.Provider>
  );
}
