/**
 * The nonce the server gave this page for style elements (`<meta property="csp-nonce">`); MUI's
 * emotion cache and the DataGrid need it under the portal's CSP (docs/security.md).
 */
export const cspNonce: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
