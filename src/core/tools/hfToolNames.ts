/**
 * The agent-mode tools' names and titles: all the activation shell needs to register them (src/chat/hfTools.ts);
 * their descriptions and schemas (hfToolSpecs.ts) stay in the actions chunk. Pure.
 */

/** Tool name -> the title shown in confirmations. */
export const TOOL_TITLES: Readonly<Record<string, string>> = {
  hf_searchModels: 'Search Hugging Face models',
  hf_modelInfo: 'Hugging Face model info',
  hf_searchDatasets: 'Search Hugging Face datasets',
  hf_datasetRows: 'Hugging Face dataset rows',
  hf_searchSpaces: 'Search Hugging Face Spaces',
  hf_translate: 'Translate with Hugging Face',
  hf_summarize: 'Summarize with Hugging Face',
  hf_classify: 'Classify with Hugging Face',
  hf_extractEntities: 'Extract entities with Hugging Face',
};

/** Tools that send the user's text to a model (a request of the monthly quota): the user confirms each call. */
export const QUOTA_TOOLS: readonly string[] = ['hf_translate', 'hf_summarize', 'hf_classify', 'hf_extractEntities'];
