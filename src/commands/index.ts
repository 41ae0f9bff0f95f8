/** Every command factory, one per command id `huggingface.<name>` (registered in extension.ts). */
export { askAboutSelection } from './ask';
export { revokeTokenApprovals, setEndpointKey, signIn, signOut } from './auth';
export { applyChatAnswer } from './chatAnswer';
export { classifySentiment, classifyTopic } from './classify';
export { replaceCommentWithTranslation, toggleCommentHover, translateHoveredComment } from './commentHover';
export { completionMenu, snoozeCompletion, toggleCompletion } from './completion';
export { cancelRunningRequests, showHealth, showLastDecision } from './diagnostics';
export { extractEntities } from './entities';
export { manageLocalModels } from './localModels';
export { generateCode } from './generateCode';
export { openRepoInExplorer } from './hubFiles';
export { showPinnedModels, useModelForTask } from './pins';
export {
  factoryRebuildSpace,
  pauseSpace,
  requestSpaceHardware,
  restartSpace,
  setSpaceSleepTime,
  showSpaceLogs,
  stopFollowingSpaceLogs,
} from './spaces';
export { runPrompt } from './runPrompt';
export { summarizeSelection } from './summarize';
export { translateSelection, translateSelectionToPreview } from './translate';
export { translateCommentsInFile } from './translateFile';
export { deployFolder, uploadToRepo } from '../deploy/deployFolder';
