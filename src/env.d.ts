interface ImportMetaEnv {
  /** True in `astro build`, false in `astro dev` (src/integrations/csp-meta.ts). */
  readonly GKL_CSP_META: boolean;
}
