import { defineMessages } from "../define.ts";

/** UI strings of the transfer concern: import errors and warnings, the export links and the import control. */
export const transfer = defineMessages({
  en: {
    "import.error.too_large":
      "The file is {size} MB, more than the {max} MB that can be imported at once. Export fewer chats per file and try again.",
    "import.error.empty":
      "The file is empty. Choose a chat export (JSON, TXT or Markdown) and try again.",
    "import.error.binary":
      "The file is not a text file. Choose a chat export in JSON, TXT or Markdown.",
    "import.error.encoding":
      "The file is not valid UTF-8 text. Save it as UTF-8 and try again.",
    "import.error.json":
      "The file is not valid JSON: {found} was not expected here. Check the file at this place, or export it again.",
    "import.error.json_truncated":
      "The JSON ends too early, so the file looks cut off. Download or export it again.",
    "import.error.format":
      "The file's format was not recognised. Expected a chatai export (JSON, TXT or Markdown), a ChatGPT conversations.json, or a JSON export of the old chat app.",
    "import.error.version":
      "The file is a chatai export of version {version}, but this app reads version 1. Update chatai and try again.",
    "import.error.no_messages":
      "No messages were found. Expected lines like “[2024-05-01 10:20:30] User: text” (TXT) or “*2024-05-01 10:20:30* - **User**:” (Markdown).",
    "import.error.no_chats":
      "The file holds no chat with messages that could be imported.",
    "import.error.model":
      "“{field}” is {value}, which is not a model id: use letters, digits and . : / @ - _ only, at most 200 characters.",
    "import.error.too_many_messages":
      "A chat holds more than {max} messages, the most a chat may have. Split it into smaller chats and try again.",
    "import.error.too_long":
      "“{field}” is {length} characters long; at most {max} are allowed.",
    "import.error.missing": "“{field}” is missing: expected {expected}.",
    "import.error.type": "“{field}” should be {expected}, but it is {actual}.",
    "import.error.value":
      "“{field}” is {value}, but it should be one of {options}.",
    "import.error.date":
      "“{field}” is {value}, which is not a date and time. Use a form like {example}.",
    "import.error.range": "“{field}” is {value}, which is out of range.",
    "import.error.invalid": "“{field}” is {value}, which is not valid.",
    "import.error.stamp":
      "“{value}” is not a real date and time. Use YYYY-MM-DD HH:MM:SS or HH:MM:SS.",
    "import.where": "{where}: {message}",
    "import.where.line": "Line {line}",
    "import.where.line_column": "Line {line}, column {column}",
    "import.where.chat": "Chat {chat}",
    "import.where.message": "Message {message}",
    "import.where.chat_message": "Chat {chat}, message {message}",
    "import.type.string": "text",
    "import.type.number": "a number",
    "import.type.int": "a whole number",
    "import.type.boolean": "true or false",
    "import.type.array": "a list",
    "import.type.object": "an object",
    "import.type.null": "null",
    "import.type.date": "a date and time",
    "import.type.value": "a value",
    "import.warning.role":
      "the role “{role}” is not one of user, assistant or system, so this message was skipped.",
    "import.warning.feedback":
      "the feedback “{value}” is not like or dislike, so it was dropped.",
    "import.warning.setting":
      "the setting “{field}” is {value}, which is not valid, so the default is used.",
    "import.warning.streaming":
      "this answer was still being written when it was exported, so it is imported as cancelled.",
    "import.warning.no_time":
      "this message has no time stamp, so the time of the message before it is used.",
    "import.warning.ignored_lines":
      "{count} {count|line|lines} outside any message {count|was|were} ignored.",
    "import.warning.empty_chat":
      "“{title}” has no text messages, so it was skipped.",
    "import.warning.more": "…and {count} more {count|warning|warnings}.",
    "import.untitled": "Imported chat",
    "transfer.export_json": "Export JSON",
    "transfer.export_txt": "Export TXT",
    "transfer.export_md": "Export Markdown",
    "transfer.export_all": "Export all chats",
    "transfer.export_heading": "Export",
    "transfer.import_label": "Import chat",
    "transfer.import_submit": "Import",
    "transfer.import_busy": "Importing…",
    "transfer.import_done": "Imported {count} {count|chat|chats}.",
    "transfer.import_warnings":
      "Some parts of the file were skipped or changed:",
    "transfer.import_failed":
      "The file could not be imported. Check your connection and try again.",
    "transfer.import_error_title": "The file could not be imported",
    "transfer.import_open": "Open the imported chat",
    "transfer.import_back": "Back to the chat",
    "transfer.unknown_format":
      "“{format}” is not an export format. Use format=json, format=txt or format=md.",
    "transfer.all_json_only":
      "All chats can be exported only as JSON. Use format=json.",
    "transfer.unsupported_type":
      "Send the file as multipart/form-data in the field “file”, or as the raw request body with ?filename=.",
    "transfer.no_file":
      "No file was sent in the field “file”. Choose a file and try again.",
    "transfer.bad_form":
      "The upload could not be read as multipart/form-data. Choose the file again and retry.",
    "transfer.too_large":
      "The file is larger than {max}, the most that can be imported at once. Export fewer chats per file and try again.",
    "transfer.write_failed":
      "The chats could not be saved, so nothing was imported. Try again in a moment.",
  },
  id: {
    "import.error.too_large":
      "Ukuran berkas {size} MB, melebihi batas {max} MB untuk sekali impor. Ekspor lebih sedikit obrolan per berkas lalu coba lagi.",
    "import.error.empty":
      "Berkas kosong. Pilih berkas ekspor obrolan (JSON, TXT, atau Markdown) lalu coba lagi.",
    "import.error.binary":
      "Berkas ini bukan berkas teks. Pilih ekspor obrolan dalam format JSON, TXT, atau Markdown.",
    "import.error.encoding":
      "Berkas ini bukan teks UTF-8 yang valid. Simpan sebagai UTF-8 lalu coba lagi.",
    "import.error.json":
      "Berkas ini bukan JSON yang valid: {found} tidak seharusnya ada di sini. Periksa berkas di posisi ini, atau ekspor ulang.",
    "import.error.json_truncated":
      "JSON berakhir terlalu cepat, sepertinya berkas terpotong. Unduh atau ekspor ulang berkasnya.",
    "import.error.format":
      "Format berkas tidak dikenali. Yang diterima: ekspor chatai (JSON, TXT, atau Markdown), conversations.json dari ChatGPT, atau ekspor JSON dari aplikasi chat lama.",
    "import.error.version":
      "Berkas ini ekspor chatai versi {version}, sedangkan aplikasi ini membaca versi 1. Perbarui chatai lalu coba lagi.",
    "import.error.no_messages":
      "Tidak ada pesan yang ditemukan. Baris yang diharapkan seperti “[2024-05-01 10:20:30] User: teks” (TXT) atau “*2024-05-01 10:20:30* - **User**:” (Markdown).",
    "import.error.no_chats":
      "Berkas ini tidak berisi obrolan dengan pesan yang bisa diimpor.",
    "import.error.model":
      "“{field}” bernilai {value}, yang bukan id model: gunakan hanya huruf, angka, dan . : / @ - _, paling banyak 200 karakter.",
    "import.error.too_many_messages":
      "Sebuah obrolan berisi lebih dari {max} pesan, batas satu obrolan. Pecah menjadi obrolan yang lebih kecil lalu coba lagi.",
    "import.error.too_long":
      "“{field}” panjangnya {length} karakter; paling banyak {max} karakter.",
    "import.error.missing": "“{field}” tidak ada: seharusnya {expected}.",
    "import.error.type":
      "“{field}” seharusnya {expected}, tetapi isinya {actual}.",
    "import.error.value":
      "“{field}” bernilai {value}, padahal seharusnya salah satu dari {options}.",
    "import.error.date":
      "“{field}” bernilai {value}, yang bukan tanggal dan waktu. Gunakan bentuk seperti {example}.",
    "import.error.range": "“{field}” bernilai {value}, di luar rentang.",
    "import.error.invalid": "“{field}” bernilai {value}, yang tidak valid.",
    "import.error.stamp":
      "“{value}” bukan tanggal dan waktu yang nyata. Gunakan YYYY-MM-DD HH:MM:SS atau HH:MM:SS.",
    "import.where": "{where}: {message}",
    "import.where.line": "Baris {line}",
    "import.where.line_column": "Baris {line}, kolom {column}",
    "import.where.chat": "Obrolan {chat}",
    "import.where.message": "Pesan {message}",
    "import.where.chat_message": "Obrolan {chat}, pesan {message}",
    "import.type.string": "teks",
    "import.type.number": "angka",
    "import.type.int": "bilangan bulat",
    "import.type.boolean": "true atau false",
    "import.type.array": "daftar",
    "import.type.object": "objek",
    "import.type.null": "null",
    "import.type.date": "tanggal dan waktu",
    "import.type.value": "sebuah nilai",
    "import.warning.role":
      "peran “{role}” bukan user, assistant, atau system, jadi pesan ini dilewati.",
    "import.warning.feedback":
      "umpan balik “{value}” bukan like atau dislike, jadi diabaikan.",
    "import.warning.setting":
      "pengaturan “{field}” bernilai {value} yang tidak valid, jadi nilai bawaan dipakai.",
    "import.warning.streaming":
      "jawaban ini masih ditulis saat diekspor, jadi diimpor sebagai dibatalkan.",
    "import.warning.no_time":
      "pesan ini tidak punya cap waktu, jadi waktu pesan sebelumnya dipakai.",
    "import.warning.ignored_lines":
      "{count} baris di luar pesan mana pun diabaikan.",
    "import.warning.empty_chat":
      "“{title}” tidak berisi pesan teks, jadi dilewati.",
    "import.warning.more": "…dan {count} peringatan lainnya.",
    "import.untitled": "Obrolan impor",
    "transfer.export_json": "Ekspor JSON",
    "transfer.export_txt": "Ekspor TXT",
    "transfer.export_md": "Ekspor Markdown",
    "transfer.export_all": "Ekspor semua obrolan",
    "transfer.export_heading": "Ekspor",
    "transfer.import_label": "Impor obrolan",
    "transfer.import_submit": "Impor",
    "transfer.import_busy": "Mengimpor…",
    "transfer.import_done": "{count} obrolan diimpor.",
    "transfer.import_warnings": "Sebagian isi berkas dilewati atau diubah:",
    "transfer.import_failed":
      "Berkas tidak dapat diimpor. Periksa koneksi Anda lalu coba lagi.",
    "transfer.import_error_title": "Berkas tidak dapat diimpor",
    "transfer.import_open": "Buka obrolan hasil impor",
    "transfer.import_back": "Kembali ke obrolan",
    "transfer.unknown_format":
      "“{format}” bukan format ekspor. Gunakan format=json, format=txt, atau format=md.",
    "transfer.all_json_only":
      "Semua obrolan hanya bisa diekspor sebagai JSON. Gunakan format=json.",
    "transfer.unsupported_type":
      "Kirim berkas sebagai multipart/form-data di kolom “file”, atau sebagai isi permintaan mentah dengan ?filename=.",
    "transfer.no_file":
      "Tidak ada berkas di kolom “file”. Pilih berkas lalu coba lagi.",
    "transfer.bad_form":
      "Unggahan tidak dapat dibaca sebagai multipart/form-data. Pilih berkas lagi lalu coba ulang.",
    "transfer.too_large":
      "Berkas lebih besar dari {max}, batas untuk sekali impor. Ekspor lebih sedikit obrolan per berkas lalu coba lagi.",
    "transfer.write_failed":
      "Obrolan tidak dapat disimpan, jadi tidak ada yang diimpor. Coba lagi sebentar lagi.",
  },
});
