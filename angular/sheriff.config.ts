import { sameTag, SheriffConfig } from '@softarc/sheriff-core';

/**
 * Module boundaries of the app (checked by `npm run lint:boundaries`).
 * - core/<area>: app-wide services (auth, tenant, http, i18n, permissions, startup)
 * - layout: the shell around every page
 * - shared/<kind>: ui, util and the generated API client; knows nothing of domains or core
 * - domains/<domain>/<type>: feature (smart pages) → ui (presentational) / data (stores) → model
 * A domain never reaches into another domain.
 */
export const config: SheriffConfig = {
  version: 1,
  enableBarrelLess: true,
  entryFile: 'src/main.ts',
  modules: {
    'src/app': {
      'core/<area>': ['core', 'core:<area>'],
      layout: 'layout',
      'shared/<kind>': ['shared', 'shared:<kind>'],
      'shared/api/generated': ['shared', 'shared:api'],
      'domains/<domain>/<type>': ['domain:<domain>', 'type:<type>'],
    },
  },
  depRules: {
    root: ['core', 'layout', 'domain:*', 'shared', 'type:feature'],
    core: ['core', 'shared'],
    'core:*': ['core', 'shared'],
    // the header hosts the notification bell, the search box and the call center screen pop (their domains' feature components)
    layout: ['core', 'shared', 'domain:notifications', 'domain:search', 'domain:callcenter', 'type:feature'],
    shared: ['shared'],
    'shared:*': ['shared'],
    'domain:*': [sameTag, 'core', 'shared'],
    'type:feature': ['type:data', 'type:ui', 'type:model', 'core', 'shared'],
    // staff pages of a domain that also has its own portal pages (domains/portal/admin)
    'type:admin': ['type:data', 'type:ui', 'type:model', 'core', 'shared'],
    'type:ui': ['type:model', 'core:i18n', 'shared:ui', 'shared:util', 'shared:api'],
    'type:data': ['type:model', 'shared:api', 'shared:util'],
    'type:model': ['shared:api'],
  },
};
