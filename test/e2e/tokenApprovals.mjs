// Answers the product's "Send your Hugging Face token to <host>?" modal in the workbench the way a user would
// (and the agent tools' quota confirmation, Yes; an on-device model's download consent, Download):
// "Send Token" for the hosts the run approves (the fake server's), "Cancel" for any other. Runs beside the
// integration and browser phases (the integration suite cannot click a modal from the extension host).
const QUESTION = /Send your Hugging Face token to (\S+)\?/;

/**
 * @param {import('playwright-core').Page} page
 * @param {{ approve: (host: string) => boolean, log: (line: string) => void }} options
 * @returns {{ answers: { host: string, sent: boolean }[], stop: () => Promise<void> }}
 */
export function watchTokenApprovals(page, { approve, log }) {
  const answers = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'Send your Hugging Face token to' });
        if (await dialog.isVisible()) {
          const host = QUESTION.exec(await dialog.innerText())?.[1] ?? '';
          const sent = approve(host);
          await dialog.locator('.monaco-button', { hasText: sent ? 'Send Token' : 'Cancel' }).first().click({ timeout: 5_000 });
          answers.push({ host, sent });
          log(`token approval: ${sent ? 'sent to' : 'refused for'} ${host}`);
        }
        // An agent-mode tool that spends the quota asks first (prepareInvocation's confirmation): the integration
        // cases that invoke one answer Yes, as the user would in chat.
        const tool = page.locator('.monaco-dialog-box').filter({ hasText: 'counts as one request of your monthly quota' });
        if (await tool.isVisible()) {
          await tool.locator('.monaco-button', { hasText: /^(Yes|Continue|Allow)$/ }).first().click({ timeout: 5_000 });
          log('tool confirmation: yes');
        }
        // The one-time consent to download an on-device model (integration case "on-device models"): Download.
        const consent = page.locator('.monaco-dialog-box').filter({ hasText: 'on this machine? It is a one-time download' });
        if (await consent.isVisible()) {
          await consent.locator('.monaco-button', { hasText: /^Download$/ }).first().click({ timeout: 5_000 });
          log('on-device model download: consented');
        }
      } catch {
        // The page navigated or the dialog went away between the checks: look again.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    answers,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
