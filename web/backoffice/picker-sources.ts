import type { PickerSource } from '@web/backoffice/search-picker.tsx';

/** Active agencies, named by code and name (the `q` filter matches either). */
export const AGENCY_SOURCE: PickerSource = {
  path: '/agencies',
  itemsKey: 'agencies',
  query: { active: 'true' },
  label: (agency) => `${String(agency.code)} ${String(agency.name)}`,
};

/** The contracts of one client, named by number. */
export function contractSource(clientId: string): PickerSource {
  return {
    path: `/clients/${clientId}/contracts`,
    itemsKey: 'contracts',
    label: (contract) => String(contract.number),
  };
}
