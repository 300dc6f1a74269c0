import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

/** The export condition that points every workspace package at its `src/`. */
export const SOURCE_CONDITION = '@connect-auth/source';

/** Resolve options shared by every project: workspace packages resolve to source. */
export const sourceResolve: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
};
