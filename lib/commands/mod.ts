/**
 * Bang commands: recognising them in a message and the texts of those that
 * need no model. `!summarize_chat` needs one: `summarizePrompt()` builds what
 * is sent to it.
 */
export {
  COMMAND_WORDS,
  type CommandName,
  parseCommand,
  type ParsedCommand,
} from "./parse.ts";
export { helpText, unknownCommandText } from "./help.ts";
export { timeText } from "./time.ts";
export {
  type ModelInfo,
  modelInfoText,
  modelUnknownText,
} from "./model_info.ts";
export {
  emptyChatSummaryText,
  summarizableMessages,
  summarizePrompt,
} from "./summarize.ts";
