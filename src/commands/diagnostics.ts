/** Show Last Routing Decision and Show Health: reports opened as markdown previews. */
import type { Ctx } from '../ctx';
import type { Decision } from '../core/routing/decision';
import type { HealthReport } from '../core/routing/router';
import { pinLines, pinsOf } from '../shared/pins';
import { inform } from '../ui/notify';
import { cancelRunning } from '../ui/progress';
import { decisionMarkdown, healthMarkdown } from '../ui/reports';
import { ghostTextServiceIfCreated } from '../editor/ghostText';

export function showLastDecision(ctx: Ctx) {
  return async (): Promise<Decision | undefined> => {
    const decision = ctx.routerIfCreated()?.lastDecision();
    if (!decision) {
      inform('No routing decision yet: run a Hugging Face action first.');
      return undefined;
    }
    await ctx.previews.show(decisionMarkdown(decision), { title: 'Last Routing Decision', languageId: 'markdown' });
    return decision;
  };
}

export function showHealth(ctx: Ctx) {
  return async (): Promise<HealthReport> => {
    const report = ctx.router.health();
    const pins = pinLines(pinsOf(ctx.config.routingSettings().pinnedModels));
    const completion = ghostTextServiceIfCreated(ctx);
    await ctx.previews.show(healthMarkdown(report, new Date(), pins, completion && { decision: completion.lastDecision, stats: completion.stats }), { title: 'Hugging Face Health', languageId: 'markdown' });
    return report;
  };
}

/** Cancels every running action (same effect as their Cancel buttons); in the palette only while one runs. */
export function cancelRunningRequests(_ctx: Ctx) {
  return (): { cancelled: number } => ({ cancelled: cancelRunning() });
}
