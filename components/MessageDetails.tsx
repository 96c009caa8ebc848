import type { Message } from "@/lib/chats/types.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/**
 * When a message was written (in the viewer's time zone: the server guesses,
 * the browser corrects it while hydrating), the model, tokens and cost.
 */
export function MessageDetails(props: { message: Message; timeZone?: string }) {
  const t = useT();
  const lang = useLang();
  const { message } = props;
  const locale = lang === "id" ? "id-ID" : "en-GB";
  const when = new Date(message.createdAt);
  let time = message.createdAt;
  try {
    time = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: typeof document === "undefined" ? props.timeZone : undefined,
    }).format(when);
  } catch { /* an unknown zone: the ISO time is still right */ }
  const number = new Intl.NumberFormat(locale);
  const usd = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    maximumSignificantDigits: 3,
  });
  const { usage } = message;
  return (
    <span class="message-details">
      <time dateTime={message.createdAt}>{time}</time>
      {message.role === "assistant" && message.model && (
        <span>{message.model}</span>
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
