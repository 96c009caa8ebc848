import { defineMessages } from "../define.ts";

/** UI strings of the commands concern. */
export const commands = defineMessages({
  en: {},
  id: {},
});
