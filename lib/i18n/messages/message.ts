import { defineMessages } from "../define.ts";

/** UI strings around one message: details, feedback, reasoning, alternatives, editing. */
export const message = defineMessages({
  en: {
    "msg.like": "Like",
    "msg.dislike": "Dislike",
    "msg.reasoning": "Reasoning",
    "msg.tokens": "{prompt} + {completion} tokens",
    "msg.cost": "{cost}",
    "msg.alt_previous": "Previous version",
    "msg.alt_next": "Next version",
    "msg.alt_position": "Version {n} of {total}",
    "msg.edit": "Edit",
    "msg.edit_label": "Edit message",
    "msg.edit_send": "Save and send",
    "msg.edit_discard": "Discard changes",
    "msg.search": "Find in this chat",
    "msg.search_count": "{count} matching {count|message|messages}",
    "msg.sound": "Sound when an answer is done",
    "msg.reconnecting": "Connection lost, reconnecting…",
    "msg.offline":
      "You are offline. The answer goes on when the connection is back.",
    "msg.gave_up":
      "The server cannot be reached. The answer may still be running: reconnect to see it.",
    "msg.reconnect": "Reconnect",
    "msg.retry": "Retry",
    "msg.interrupted":
      "Interrupted: the answer stopped before it was finished.",
    "msg.unreachable":
      "The server cannot be reached, so nothing was sent. Check the connection and send again.",
    "msg.cancel_failed":
      "Cancel did not reach the server. Try again in a moment.",
    "msg.unreachable_retry":
      "The server cannot be reached. Check the connection and try again.",
  },
  id: {
    "msg.like": "Suka",
    "msg.dislike": "Tidak suka",
    "msg.reasoning": "Penalaran",
    "msg.tokens": "{prompt} + {completion} token",
    "msg.cost": "{cost}",
    "msg.alt_previous": "Versi sebelumnya",
    "msg.alt_next": "Versi berikutnya",
    "msg.alt_position": "Versi {n} dari {total}",
    "msg.edit": "Ubah",
    "msg.edit_label": "Ubah pesan",
    "msg.edit_send": "Simpan dan kirim",
    "msg.edit_discard": "Batalkan perubahan",
    "msg.search": "Cari di obrolan ini",
    "msg.search_count": "{count} pesan cocok",
    "msg.sound": "Bunyi saat jawaban selesai",
    "msg.reconnecting": "Koneksi terputus, menyambung ulang…",
    "msg.offline":
      "Anda sedang luring. Jawaban berlanjut saat koneksi kembali.",
    "msg.gave_up":
      "Server tidak dapat dihubungi. Jawaban mungkin masih berjalan: sambungkan ulang untuk melihatnya.",
    "msg.reconnect": "Sambungkan ulang",
    "msg.retry": "Coba lagi",
    "msg.interrupted": "Terputus: jawaban berhenti sebelum selesai.",
    "msg.unreachable":
      "Server tidak dapat dihubungi, jadi pesan belum terkirim. Periksa koneksi lalu kirim lagi.",
    "msg.cancel_failed":
      "Pembatalan tidak sampai ke server. Coba lagi sebentar lagi.",
    "msg.unreachable_retry":
      "Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.",
  },
});
