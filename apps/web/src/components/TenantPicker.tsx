import { MultiSelect } from '@mantine/core';
import { must } from '../lib/api';
import { useSession } from '../lib/auth';
import { useData } from '../lib/use-data';

export interface TenantChoice {
  tenants: string[];
  tenantTags: string[];
}

/** Which tenants a deployment is for: by name, by tag, or (both empty) every connected tenant. */
export function TenantPicker({
  project,
  value,
  onChange,
}: {
  project: string;
  value: TenantChoice;
  onChange(value: TenantChoice): void;
}) {
  const { client } = useSession();
  const tenants = useData(
    () =>
      must(client.GET('/api/tenants', { params: { query: { project, limit: 500 } } })).then(
        (page) => page.items,
      ),
    [project],
  );
  const items = tenants.data ?? [];
  const tags = [...new Set(items.flatMap((tenant) => tenant.tags))].sort();
  return (
    <>
      <MultiSelect
        label="Tenant tags"
        description="Every tenant with one tag of each group; empty: no tag filter"
        data={tags}
        value={value.tenantTags}
        onChange={(tenantTags) => onChange({ ...value, tenantTags })}
        searchable
        clearable
      />
      <MultiSelect
        label="Tenants"
        description="Empty: every tenant connected there (that the tags select)"
        data={items.map((tenant) => ({ value: tenant.slug, label: tenant.name }))}
        value={value.tenants}
        onChange={(chosen) => onChange({ ...value, tenants: chosen })}
        searchable
        clearable
        limit={100}
      />
    </>
  );
}
