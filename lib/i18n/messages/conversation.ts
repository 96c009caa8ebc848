import { defineMessages } from "../define.ts";

/** UI strings of the conversation column: empty state, composer, following the answer. */
export const conversation = defineMessages({
  en: {
    "chat.empty_hint":
      "Type a message below, or start with one of these. Type !help for the commands.",
    "chat.suggestions": "Suggestions",
    "chat.suggest_explain": "Explain how vaccines work, simply",
    "chat.suggest_write": "Help me write a polite email to my landlord",
    "chat.suggest_plan": "Plan a three-day trip to Yogyakarta",
    "chat.suggest_help": "!help",
    "composer.no_key":
      "No API key is set, so nothing can be sent. Set OPENROUTER_API_KEY in .env (or .streamlit/secrets.toml) and restart the app, or connect your own OpenRouter key under Account.",
    "composer.waiting": "Your message is sent when the answer is done.",
    "msg.jump_latest": "Jump to latest",
    "api.edit_too_far":
      "This message is too far back to edit: too many messages follow it. Edit a later message, or start a new chat.",
  },
  id: {
    "chat.empty_hint":
      "Ketik pesan di bawah, atau mulai dengan salah satu ini. Ketik !bantuan untuk daftar perintah.",
    "chat.suggestions": "Saran",
    "chat.suggest_explain": "Jelaskan cara kerja vaksin dengan sederhana",
    "chat.suggest_write": "Bantu saya menulis email sopan untuk pemilik kos",
    "chat.suggest_plan": "Rencanakan perjalanan tiga hari ke Yogyakarta",
    "chat.suggest_help": "!bantuan",
    "composer.no_key":
      "Kunci API belum diatur, jadi pesan tidak bisa dikirim. Isi OPENROUTER_API_KEY di .env (atau .streamlit/secrets.toml) lalu mulai ulang aplikasi, atau hubungkan kunci OpenRouter Anda sendiri di Akun.",
    "composer.waiting": "Pesan Anda dikirim setelah jawaban selesai.",
    "msg.jump_latest": "Lompat ke terbaru",
    "api.edit_too_far":
      "Pesan ini terlalu jauh untuk diubah: terlalu banyak pesan sesudahnya. Ubah pesan yang lebih baru, atau mulai obrolan baru.",
  },
});
