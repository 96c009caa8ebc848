import type { Message } from "@/lib/chats/types.ts";
import { messageTime, numberFormat } from "@/lib/chats/when.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/**
 * When a message was written, short ("5 min ago") with the full date in the
 * viewer's time zone on hover, and an answer's model, tokens and cost.
 */
export function MessageDetails(props: { message: Message; timeZone?: string }) {
  const t = useT();
  const lang = useLang();
  const { message } = props;
  const locale = lang === "id" ? "id-ID" : "en-GB";
  const time = messageTime(message.createdAt, {
    lang,
    now: Date.now(),
    timeZone: props.timeZone,
  });
  const number = numberFormat(locale, "plain");
  const usd = numberFormat(locale, "usd");
  const { usage } = message;
  return (
    <span class="message-details">
      <time dateTime={message.createdAt} title={time.full}>{time.short}</time>
      {message.role === "assistant" && message.model && (
        <span class="message-model">{message.model}</span>
      )}
      {usage && (
        <span>
          {t("msg.tokens", {
            prompt: number.format(usage.promptTokens),
            completion: number.format(usage.completionTokens),
          })}
        </span>
      )}
      {usage?.cost !== undefined && usage.cost > 0 && (
        <span>{t("msg.cost", { cost: usd.format(usage.cost) })}</span>
      )}
    </span>
  );
}
