import type { Message } from "@/lib/chats/types.ts";
import { MessageActions } from "./MessageActions.tsx";
import { MessageDetails } from "./MessageDetails.tsx";

/** What a message's footer shows. */
export interface MessageFooterProps {
  message: Message;
  /** Ids of the message's versions, oldest first. */
  versions: string[];
  /** The conversation's last answer. */
  last: boolean;
  timeZone?: string;
}

/** Below a finished message: its icon actions, then its time and details. */
export function MessageFooter(props: MessageFooterProps) {
  return (
    <footer class="message-foot">
      <MessageActions
        message={props.message}
        versions={props.versions}
        last={props.last}
      />
      <MessageDetails message={props.message} timeZone={props.timeZone} />
    </footer>
  );
}
