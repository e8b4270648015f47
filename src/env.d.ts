interface ImportMetaEnv {
  /** True in `astro build`, false in `astro dev` (src/integrations/csp-meta.ts). */
  readonly GKL_CSP_META: boolean;
  /** The desk application's entry URL (src/integrations/desk.ts). */
  readonly GKL_DESK_APP: string;
}
