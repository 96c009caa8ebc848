import { defineMessages } from "../define.ts";

/** UI strings of the per-owner quotas and rates of imports and new chats. */
export const quota = defineMessages({
  en: {
    "quota.import_rate":
      "You have started too many imports in the last hour. Try again in {minutes} min.",
    "quota.chat_rate":
      "You have created too many chats in the last minute. Try again in {seconds} s.",
    "quota.chats":
      "You have {count} {count|chat|chats}; with this you would pass the {max} you may keep. Delete chats you no longer need and try again.",
    "quota.messages":
      "Your chats hold {count} {count|message|messages}; with this you would pass the {max} you may keep. Delete chats you no longer need and try again.",
    "quota.import_bytes":
      "You have imported {used} MB today; this file would pass the {max} MB a day you may import. Try again tomorrow.",
  },
  id: {
    "quota.import_rate":
      "Anda sudah memulai terlalu banyak impor dalam satu jam terakhir. Coba lagi dalam {minutes} menit.",
    "quota.chat_rate":
      "Anda sudah membuat terlalu banyak obrolan dalam satu menit terakhir. Coba lagi dalam {seconds} detik.",
    "quota.chats":
      "Anda punya {count} obrolan; dengan ini batas {max} obrolan akan terlampaui. Hapus obrolan yang tidak diperlukan lagi lalu coba lagi.",
    "quota.messages":
      "Obrolan Anda berisi {count} pesan; dengan ini batas {max} pesan akan terlampaui. Hapus obrolan yang tidak diperlukan lagi lalu coba lagi.",
    "quota.import_bytes":
      "Hari ini Anda sudah mengimpor {used} MB; berkas ini akan melampaui batas {max} MB per hari. Coba lagi besok.",
  },
});
