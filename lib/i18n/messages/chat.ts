import { defineMessages } from "../define.ts";

/** UI strings of the chat: conversation, settings, personas, API errors. */
export const chat = defineMessages({
  en: {
    "persona.general.name": "General assistant",
    "persona.general.prompt":
      "You are a helpful, friendly assistant. Answer clearly and accurately.",
    "persona.creative.name": "Creative writer",
    "persona.creative.prompt":
      "You are a creative writer. Write vivid, original prose and poetry, and help develop stories and ideas.",
    "persona.historian.name": "History expert",
    "persona.historian.prompt":
      "You are a history expert. Explain historical events, people and contexts accurately, with dates and sources where you can.",
    "persona.translator.name": "Translator",
    "persona.translator.prompt":
      "You are a professional translator. Translate the user's text faithfully and naturally, keeping tone and meaning; ask which language if it is unclear.",
    "persona.math.name": "Math teacher",
    "persona.math.prompt":
      "You are a patient math teacher. Explain step by step, check the work, and use simple examples.",
    "persona.custom.name": "Custom",
    "log.label": "Messages",
    "msg.you": "You",
    "msg.assistant": "Assistant",
    "msg.copy": "Copy",
    "msg.copied": "Copied",
    "msg.copy_code": "Copy code",
    "msg.copy_last": "Copy last response",
    "msg.regenerate": "Regenerate",
    "msg.cancelled": "Cancelled: the answer was stopped.",
    "msg.failed": "Failed",
    "msg.writing": "Writing…",
    "composer.label": "Message",
    "composer.placeholder": "Type a message…",
    "composer.send": "Send",
    "composer.cancel": "Cancel",
    "chat.rename": "Rename chat",
    "chat.rename_label": "New title",
    "chat.rename_save": "Save title",
    "chat.pin": "Pin chat",
    "chat.unpin": "Unpin chat",
    "chat.delete": "Delete chat",
    "chat.delete_confirm": "Delete this chat and all its messages?",
    "chat.delete_all": "Delete all chats",
    "chat.delete_all_confirm": "Delete every chat? This cannot be undone.",
    "chat.pinned": "Pinned",
    "settings.title": "Settings",
    "form.invalid":
      "Nothing was saved: the value of “{field}” is not valid. Check it and try again.",
    "form.not_a_form":
      "Nothing was saved: the request is not a form. Send it again from the chat page.",
    "form.too_large":
      "Nothing was saved: the form is larger than {limit} bytes. Shorten what you entered and send it again.",
    "settings.model": "Model",
    "settings.persona": "Persona",
    "settings.system_prompt": "System prompt",
    "settings.temperature": "Temperature",
    "settings.context": "Context messages",
    "settings.save": "Save settings",
    "settings.saved": "Settings saved",
    "settings.free": "free",
    "settings.per_million": "{prompt} / {completion} per 1M tokens",
    "settings.context_length": "{tokens} tokens",
    "chat.untitled": "New chat",
    "chat.earlier": "Show {count} earlier {count|message|messages}",
    "chat.greeting": "Hello! How can I help you today?",
    "api.not_found": "This chat does not exist, or it is not yours.",
    "api.message_not_found": "This message does not exist in the chat.",
    "api.conflict":
      "An answer is still being written in this chat. Wait for it or cancel it first.",
    "api.too_large":
      "The request body is larger than {limit} bytes. Send less.",
    "api.not_json": "The request body is not valid JSON.",
    "api.wrong_type": "Send the request body as application/json.",
    "api.invalid": "The request is not valid: {detail}.",
    "api.nothing_to_regenerate":
      "There is no question to answer again in this chat.",
    "api.not_editable":
      "Only your own messages can be edited, and not into a command. Send a command as a new message.",
    "api.no_alternative": "Only an answer with alternatives can be chosen.",
    "api.no_key":
      "No OpenRouter API key is set, so the model cannot be asked. Set OPENROUTER_API_KEY and restart the app.",
    "api.internal": "Something went wrong on the server. Try again.",
    "api.interrupted":
      "The answer was interrupted because the server stopped. Regenerate it to try again.",
    "api.confirm_all": "Add ?confirm=all to delete every chat.",
    "api.save_failed":
      "The answer could not be saved: storage is full. Delete old chats to free space, then regenerate it.",
    "api.storage_full":
      "Storage is almost full, so nothing new can be saved. Delete old chats to free space, then try again.",
  },
  id: {
    "persona.general.name": "Asisten umum",
    "persona.general.prompt":
      "Anda adalah asisten yang membantu dan ramah. Jawablah dengan jelas dan akurat.",
    "persona.creative.name": "Penulis kreatif",
    "persona.creative.prompt":
      "Anda adalah penulis kreatif. Tulislah prosa dan puisi yang hidup dan orisinal, serta bantu mengembangkan cerita dan gagasan.",
    "persona.historian.name": "Pakar sejarah",
    "persona.historian.prompt":
      "Anda adalah pakar sejarah. Jelaskan peristiwa, tokoh, dan konteks sejarah secara akurat, dengan tanggal dan sumber bila memungkinkan.",
    "persona.translator.name": "Penerjemah",
    "persona.translator.prompt":
      "Anda adalah penerjemah profesional. Terjemahkan teks pengguna dengan setia dan alami, menjaga nada dan makna; tanyakan bahasa tujuan bila belum jelas.",
    "persona.math.name": "Guru matematika",
    "persona.math.prompt":
      "Anda adalah guru matematika yang sabar. Jelaskan langkah demi langkah, periksa hasilnya, dan gunakan contoh sederhana.",
    "persona.custom.name": "Kustom",
    "log.label": "Pesan",
    "msg.you": "Anda",
    "msg.assistant": "Asisten",
    "msg.copy": "Salin",
    "msg.copied": "Tersalin",
    "msg.copy_code": "Salin kode",
    "msg.copy_last": "Salin respons terakhir",
    "msg.regenerate": "Buat ulang",
    "msg.cancelled": "Dibatalkan: jawaban dihentikan.",
    "msg.failed": "Gagal",
    "msg.writing": "Sedang menulis…",
    "composer.label": "Pesan",
    "composer.placeholder": "Ketik pesan…",
    "composer.send": "Kirim",
    "composer.cancel": "Batalkan",
    "chat.rename": "Ganti nama obrolan",
    "chat.rename_label": "Judul baru",
    "chat.rename_save": "Simpan judul",
    "chat.pin": "Sematkan obrolan",
    "chat.unpin": "Lepas sematan obrolan",
    "chat.delete": "Hapus obrolan",
    "chat.delete_confirm": "Hapus obrolan ini beserta semua pesannya?",
    "chat.delete_all": "Hapus semua obrolan",
    "chat.delete_all_confirm":
      "Hapus semua obrolan? Ini tidak bisa dibatalkan.",
    "chat.pinned": "Disematkan",
    "settings.title": "Pengaturan",
    "form.invalid":
      "Tidak ada yang disimpan: nilai “{field}” tidak valid. Periksa lalu coba lagi.",
    "form.not_a_form":
      "Tidak ada yang disimpan: permintaan ini bukan formulir. Kirim lagi dari halaman obrolan.",
    "form.too_large":
      "Tidak ada yang disimpan: formulir lebih dari {limit} byte. Persingkat isiannya lalu kirim lagi.",
    "settings.model": "Model",
    "settings.persona": "Persona",
    "settings.system_prompt": "Prompt sistem",
    "settings.temperature": "Temperatur",
    "settings.context": "Pesan konteks",
    "settings.save": "Simpan pengaturan",
    "settings.saved": "Pengaturan tersimpan",
    "settings.free": "gratis",
    "settings.per_million": "{prompt} / {completion} per 1 jt token",
    "settings.context_length": "{tokens} token",
    "chat.untitled": "Obrolan baru",
    "chat.earlier": "Tampilkan {count} pesan sebelumnya",
    "chat.greeting": "Halo! Ada yang bisa saya bantu hari ini?",
    "api.not_found": "Obrolan ini tidak ada, atau bukan milik Anda.",
    "api.message_not_found": "Pesan ini tidak ada di obrolan.",
    "api.conflict":
      "Jawaban masih ditulis di obrolan ini. Tunggu sampai selesai atau batalkan dulu.",
    "api.too_large":
      "Isi permintaan lebih dari {limit} byte. Kirim lebih sedikit.",
    "api.not_json": "Isi permintaan bukan JSON yang valid.",
    "api.wrong_type": "Kirim isi permintaan sebagai application/json.",
    "api.invalid": "Permintaan tidak valid: {detail}.",
    "api.nothing_to_regenerate":
      "Tidak ada pertanyaan yang bisa dijawab ulang di obrolan ini.",
    "api.not_editable":
      "Hanya pesan Anda sendiri yang bisa diubah, dan tidak menjadi perintah. Kirim perintah sebagai pesan baru.",
    "api.no_alternative":
      "Hanya jawaban yang punya alternatif yang bisa dipilih.",
    "api.no_key":
      "Kunci API OpenRouter belum diatur, jadi model tidak bisa ditanya. Isi OPENROUTER_API_KEY lalu mulai ulang aplikasi.",
    "api.internal": "Terjadi kesalahan di server. Coba lagi.",
    "api.interrupted":
      "Jawaban terputus karena server berhenti. Buat ulang jawabannya untuk mencoba lagi.",
    "api.confirm_all": "Tambahkan ?confirm=all untuk menghapus semua obrolan.",
    "api.save_failed":
      "Jawaban tidak dapat disimpan: penyimpanan penuh. Hapus obrolan lama untuk mengosongkan ruang, lalu buat ulang jawabannya.",
    "api.storage_full":
      "Penyimpanan hampir penuh, jadi tidak ada yang baru yang bisa disimpan. Hapus obrolan lama untuk mengosongkan ruang, lalu coba lagi.",
  },
});
