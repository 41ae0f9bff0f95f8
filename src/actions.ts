/**
 * What the commands run on: their implementations and the routing core behind them. Built as a lazy
 * chunk (dist/actions.js, see LAZY_CHUNKS in scripts/esbuild-plugins.cjs) that Ctx loads on the first
 * command or request, so activation loads only the shell (extension.ts, ctx.ts, the Hub view's provider).
 */
export * as commands from './commands';
export { createRouter } from './routerFactory';
export * as participant from './chat/hfParticipant';
export * as hover from './editor/commentHover';
export * as ghostText from './editor/ghostText';
export * as hfTools from './chat/hfToolsImpl';
export { createTokenCounting, tokenCountingOf } from './chat/tokenCounting';
export { LocalModels } from './local/localModels';
export * as hubFs from './hubfs/hubFsProvider';
