import { defineMessages } from "../define.ts";

/** UI strings of the app shell: layout, navigation, language. */
export const app = defineMessages({
  en: {
    "app.title": "chatai",
    "app.skip": "Skip to the conversation",
    "lang.label": "Language",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "English",
    "lang.apply": "Apply",
    "nav.chats": "Chats",
    "sidebar.hide": "Hide chat list",
    "sidebar.show": "Show chat list",
    "chat.new": "New chat",
    "error.not_found.title": "Page not found",
    "error.not_found.body": "The page you asked for does not exist.",
    "error.internal.title": "Something went wrong",
    "error.internal.body": "The server hit an error. Try again in a moment.",
    "error.back": "Back to your chats",
    "key.missing":
      "No OpenRouter API key is set. Set OPENROUTER_API_KEY in .env (or .streamlit/secrets.toml) and restart the app.",
  },
  id: {
    "app.title": "chatai",
    "app.skip": "Langsung ke percakapan",
    "lang.label": "Bahasa",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "English",
    "lang.apply": "Terapkan",
    "nav.chats": "Obrolan",
    "sidebar.hide": "Sembunyikan daftar obrolan",
    "sidebar.show": "Tampilkan daftar obrolan",
    "chat.new": "Obrolan baru",
    "error.not_found.title": "Halaman tidak ditemukan",
    "error.not_found.body": "Halaman yang Anda minta tidak ada.",
    "error.internal.title": "Terjadi kesalahan",
    "error.internal.body": "Server mengalami galat. Coba lagi sebentar lagi.",
    "error.back": "Kembali ke obrolan Anda",
    "key.missing":
      "Kunci API OpenRouter belum diatur. Isi OPENROUTER_API_KEY di .env (atau .streamlit/secrets.toml) lalu mulai ulang aplikasi.",
  },
});
