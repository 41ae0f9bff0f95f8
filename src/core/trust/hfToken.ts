/**
 * What "signed in" means, in one place. Pure (no `vscode`): the Hub client and the webview's host side
 * use it as well as the TokenStore.
 */

/**
 * Whether `token` is a Hugging Face token (`hf_…`). Only those go to Hugging Face: the inference client
 * sends any other key straight to the provider as that provider's own key (bypassing the router), and
 * the Hub client sends none. So a stored key of another kind does not count as signed in.
 */
export function isHfToken(token: string | undefined): token is string {
  return token !== undefined && token.startsWith('hf_');
}
