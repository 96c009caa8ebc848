import { defineMessages } from "../define.ts";

/** UI strings of accounts, sessions, personal keys, budgets and usage. */
export const account = defineMessages({
  en: {
    "account.title": "Account",
    "account.intro":
      "With an account your chats are on every device you sign in on.",
    "account.username": "Username",
    "account.password": "Password",
    "account.invite": "Invitation code",
    "account.sign_in": "Sign in",
    "account.sign_in_heading": "Sign in",
    "account.create": "Create account",
    "account.create_heading": "Create an account",
    "account.sign_out": "Sign out",
    "account.sign_out_all": "Sign out everywhere",
    "account.signed_in_as": "Signed in as {name}",
    "account.admin_badge": "admin",
    "account.back": "Back to chats",
    "account.usage": "Usage",
    "account.admin": "Admin",
    "account.devices": "Devices",
    "account.device_current": "this browser",
    "account.device_seen": "last seen {time}",
    "account.device_sign_out": "Sign out {device}",
    "account.password_hint":
      "At least {min} characters; not a common password and not your username.",
    "account.signup_closed": "New accounts cannot be created here.",
    "account.signup_invite":
      "New accounts need an invitation code from an admin.",
    "account.required": "Sign in or create an account to use this chatai.",
    "account.error.taken": "That username is taken. Choose another one.",
    "account.error.username":
      "A username has 3 to 32 letters, digits, dots, dashes or underscores.",
    "account.error.short":
      "That password is too short: use at least {min} characters.",
    "account.error.long":
      "That password is too long: use at most {max} characters.",
    "account.error.common":
      "That password is too easy to guess (a common password, or it contains your username). Choose another one.",
    "account.error.wrong":
      "That username and password do not match. Try again.",
    "account.error.invite":
      "That invitation code is not valid. Ask an admin for a new one.",
    "account.error.closed":
      "New accounts cannot be created here. Ask the operator.",
    "account.error.bad_form":
      "The form could not be read, so nothing was changed. Use the form on this page.",
    "account.disabled":
      "This account is disabled. Ask an admin of this chatai to enable it.",
    "account.signed_out": "You are signed out.",
    "account.signed_out_all": "Every other browser is signed out.",
    "account.device_ended": "That browser is signed out.",
    "account.move.title": "Move your chats into your account?",
    "account.move.body":
      "This browser holds {count} {count|chat|chats} made before you signed in. Move them into {name}, so they are on your other devices too?",
    "account.move.yes": "Move chats",
    "account.move.no": "Keep them here",
    "account.move.done": "{count} {count|chat|chats} moved into your account.",
    "account.move.busy":
      "An answer is still being written in one of these chats. Wait for it to end, then try again.",
    "account.key.heading": "Your OpenRouter key",
    "account.key.intro":
      "Connect your own OpenRouter account and your answers are paid with your key, not the operator's.",
    "account.key.connect": "Connect OpenRouter",
    "account.key.paste": "OpenRouter key",
    "account.key.save": "Save key",
    "account.key.remove": "Remove key",
    "account.key.current":
      "Your key ending in {last4} is used for your answers.",
    "account.key.none": "Your answers use the operator's key.",
    "account.key.saved":
      "Your OpenRouter key is saved. Your next answers use it.",
    "account.key.removed":
      "Your key is removed. Your answers use the operator's key again.",
    "account.key.refused":
      "OpenRouter did not accept that key. Check that you copied all of it, or create a new key.",
    "account.key.unreachable":
      "OpenRouter could not be reached to check the key. Try again in a moment.",
    "account.key.pkce_failed":
      "Connecting OpenRouter did not work: the answer from OpenRouter was not valid or was used already. Try Connect OpenRouter again.",
    "account.key.pkce_cancelled": "Connecting OpenRouter was cancelled.",
    "account.key.sign_in_first":
      "Sign in first to connect your own OpenRouter key.",
    "account.passkeys.heading": "Passkeys",
    "account.passkeys.add": "Add a passkey",
    "account.passkeys.sign_in": "Sign in with a passkey",
    "account.passkeys.count": "{count} {count|passkey|passkeys} registered.",
    "account.passkeys.none": "No passkey yet.",
    "account.passkeys.added": "Passkey added. You can sign in with it now.",
    "account.passkeys.failed":
      "The passkey could not be used: the browser cancelled or the answer did not verify. Try again.",
    "account.passkeys.unsupported": "This browser cannot use passkeys.",
    "budget.over":
      "You have reached this month's spending limit of {limit} (spent {spent}). Connect your own OpenRouter key on the Account page, or ask an admin to raise the limit.",
    "budget.key_required":
      "This chatai needs your own OpenRouter key. Connect OpenRouter on the Account page first.",
    "usage.title": "Usage",
    "usage.intro": "Your spend and tokens over the last 30 days (UTC days).",
    "usage.chart": "Spend per day over the last 30 days",
    "usage.chart_desc": "{total} in all; the highest day {max} on {day}.",
    "usage.table": "Spend and tokens per day and model",
    "usage.day": "Day",
    "usage.model": "Model",
    "usage.cost": "Spend (USD)",
    "usage.prompt": "Prompt tokens",
    "usage.completion": "Answer tokens",
    "usage.answers": "Answers",
    "usage.total": "Total",
    "usage.month": "This month on the operator's key: {spent} of {limit}.",
    "usage.no_limit": "no limit",
    "usage.empty": "No answers in the last 30 days.",
    "admin.title": "Accounts",
    "admin.intro":
      "Disable or delete accounts, and set what each may spend on the operator's key.",
    "admin.username": "Username",
    "admin.created": "Created",
    "admin.spent": "Spent this month",
    "admin.status": "Status",
    "admin.active": "active",
    "admin.disabled": "disabled",
    "admin.limits": "Limits",
    "admin.limit": "Monthly limit (USD) for {name}",
    "admin.rate": "Answers per minute for {name}",
    "admin.save": "Save {name}",
    "admin.disable": "Disable {name}",
    "admin.enable": "Enable {name}",
    "admin.delete": "Delete {name}",
    "admin.saved": "Saved.",
    "admin.deleted": "The account and its chats are deleted.",
    "admin.bad_limit":
      "A limit is a number of 0 or more; leave it empty for the default.",
    "admin.not_self": "You cannot disable or delete your own account here.",
    "admin.invite": "Create invitation",
    "admin.invite_made": "Invitation code (valid 7 days): {code}",
    "admin.forbidden": "Only admins may open this page.",
  },
  id: {
    "account.title": "Akun",
    "account.intro":
      "Dengan akun, obrolan Anda ada di setiap perangkat tempat Anda masuk.",
    "account.username": "Nama pengguna",
    "account.password": "Kata sandi",
    "account.invite": "Kode undangan",
    "account.sign_in": "Masuk",
    "account.sign_in_heading": "Masuk",
    "account.create": "Buat akun",
    "account.create_heading": "Buat akun",
    "account.sign_out": "Keluar",
    "account.sign_out_all": "Keluar dari semua perangkat",
    "account.signed_in_as": "Masuk sebagai {name}",
    "account.admin_badge": "admin",
    "account.back": "Kembali ke obrolan",
    "account.usage": "Pemakaian",
    "account.admin": "Admin",
    "account.devices": "Perangkat",
    "account.device_current": "peramban ini",
    "account.device_seen": "terakhir terlihat {time}",
    "account.device_sign_out": "Keluarkan {device}",
    "account.password_hint":
      "Minimal {min} karakter; bukan kata sandi umum dan bukan nama pengguna Anda.",
    "account.signup_closed": "Akun baru tidak dapat dibuat di sini.",
    "account.signup_invite": "Akun baru memerlukan kode undangan dari admin.",
    "account.required": "Masuk atau buat akun untuk memakai chatai ini.",
    "account.error.taken": "Nama pengguna itu sudah dipakai. Pilih yang lain.",
    "account.error.username":
      "Nama pengguna terdiri dari 3 sampai 32 huruf, angka, titik, tanda hubung, atau garis bawah.",
    "account.error.short":
      "Kata sandi itu terlalu pendek: gunakan minimal {min} karakter.",
    "account.error.long":
      "Kata sandi itu terlalu panjang: gunakan paling banyak {max} karakter.",
    "account.error.common":
      "Kata sandi itu terlalu mudah ditebak (kata sandi umum, atau memuat nama pengguna Anda). Pilih yang lain.",
    "account.error.wrong":
      "Nama pengguna dan kata sandi itu tidak cocok. Coba lagi.",
    "account.error.invite":
      "Kode undangan itu tidak berlaku. Minta kode baru kepada admin.",
    "account.error.closed":
      "Akun baru tidak dapat dibuat di sini. Tanyakan kepada operator.",
    "account.error.bad_form":
      "Formulir tidak dapat dibaca, jadi tidak ada yang diubah. Gunakan formulir di halaman ini.",
    "account.disabled":
      "Akun ini dinonaktifkan. Minta admin chatai ini untuk mengaktifkannya.",
    "account.signed_out": "Anda sudah keluar.",
    "account.signed_out_all": "Semua peramban lain sudah dikeluarkan.",
    "account.device_ended": "Peramban itu sudah dikeluarkan.",
    "account.move.title": "Pindahkan obrolan ke akun Anda?",
    "account.move.body":
      "Peramban ini menyimpan {count} obrolan yang dibuat sebelum Anda masuk. Pindahkan ke {name}, supaya ada juga di perangkat Anda yang lain?",
    "account.move.yes": "Pindahkan obrolan",
    "account.move.no": "Biarkan di sini",
    "account.move.done": "{count} obrolan dipindahkan ke akun Anda.",
    "account.move.busy":
      "Sebuah jawaban masih ditulis di salah satu obrolan ini. Tunggu sampai selesai, lalu coba lagi.",
    "account.key.heading": "Kunci OpenRouter Anda",
    "account.key.intro":
      "Hubungkan akun OpenRouter Anda sendiri, dan jawaban Anda dibayar dengan kunci Anda, bukan kunci operator.",
    "account.key.connect": "Hubungkan OpenRouter",
    "account.key.paste": "Kunci OpenRouter",
    "account.key.save": "Simpan kunci",
    "account.key.remove": "Hapus kunci",
    "account.key.current":
      "Kunci Anda yang berakhiran {last4} dipakai untuk jawaban Anda.",
    "account.key.none": "Jawaban Anda memakai kunci operator.",
    "account.key.saved":
      "Kunci OpenRouter Anda tersimpan. Jawaban berikutnya memakainya.",
    "account.key.removed":
      "Kunci Anda dihapus. Jawaban Anda kembali memakai kunci operator.",
    "account.key.refused":
      "OpenRouter tidak menerima kunci itu. Periksa bahwa Anda menyalin semuanya, atau buat kunci baru.",
    "account.key.unreachable":
      "OpenRouter tidak dapat dihubungi untuk memeriksa kunci. Coba lagi sebentar lagi.",
    "account.key.pkce_failed":
      "Menghubungkan OpenRouter tidak berhasil: jawaban dari OpenRouter tidak sah atau sudah dipakai. Coba Hubungkan OpenRouter lagi.",
    "account.key.pkce_cancelled": "Menghubungkan OpenRouter dibatalkan.",
    "account.key.sign_in_first":
      "Masuk dulu untuk menghubungkan kunci OpenRouter Anda sendiri.",
    "account.passkeys.heading": "Passkey",
    "account.passkeys.add": "Tambah passkey",
    "account.passkeys.sign_in": "Masuk dengan passkey",
    "account.passkeys.count": "{count} passkey terdaftar.",
    "account.passkeys.none": "Belum ada passkey.",
    "account.passkeys.added":
      "Passkey ditambahkan. Anda bisa masuk dengannya sekarang.",
    "account.passkeys.failed":
      "Passkey tidak dapat dipakai: peramban membatalkan atau jawabannya tidak terverifikasi. Coba lagi.",
    "account.passkeys.unsupported": "Peramban ini tidak dapat memakai passkey.",
    "budget.over":
      "Anda telah mencapai batas pengeluaran bulan ini sebesar {limit} (terpakai {spent}). Hubungkan kunci OpenRouter Anda sendiri di halaman Akun, atau minta admin menaikkan batasnya.",
    "budget.key_required":
      "chatai ini memerlukan kunci OpenRouter Anda sendiri. Hubungkan OpenRouter di halaman Akun terlebih dulu.",
    "usage.title": "Pemakaian",
    "usage.intro":
      "Pengeluaran dan token Anda selama 30 hari terakhir (hari UTC).",
    "usage.chart": "Pengeluaran per hari selama 30 hari terakhir",
    "usage.chart_desc": "Total {total}; hari tertinggi {max} pada {day}.",
    "usage.table": "Pengeluaran dan token per hari dan model",
    "usage.day": "Hari",
    "usage.model": "Model",
    "usage.cost": "Pengeluaran (USD)",
    "usage.prompt": "Token prompt",
    "usage.completion": "Token jawaban",
    "usage.answers": "Jawaban",
    "usage.total": "Total",
    "usage.month": "Bulan ini dengan kunci operator: {spent} dari {limit}.",
    "usage.no_limit": "tanpa batas",
    "usage.empty": "Tidak ada jawaban dalam 30 hari terakhir.",
    "admin.title": "Akun",
    "admin.intro":
      "Nonaktifkan atau hapus akun, dan atur berapa yang boleh dibelanjakan masing-masing dengan kunci operator.",
    "admin.username": "Nama pengguna",
    "admin.created": "Dibuat",
    "admin.spent": "Terpakai bulan ini",
    "admin.status": "Status",
    "admin.active": "aktif",
    "admin.disabled": "nonaktif",
    "admin.limits": "Batas",
    "admin.limit": "Batas bulanan (USD) untuk {name}",
    "admin.rate": "Jawaban per menit untuk {name}",
    "admin.save": "Simpan {name}",
    "admin.disable": "Nonaktifkan {name}",
    "admin.enable": "Aktifkan {name}",
    "admin.delete": "Hapus {name}",
    "admin.saved": "Tersimpan.",
    "admin.deleted": "Akun dan obrolannya sudah dihapus.",
    "admin.bad_limit":
      "Batas adalah angka 0 atau lebih; kosongkan untuk nilai bawaan.",
    "admin.not_self":
      "Anda tidak dapat menonaktifkan atau menghapus akun Anda sendiri di sini.",
    "admin.invite": "Buat undangan",
    "admin.invite_made": "Kode undangan (berlaku 7 hari): {code}",
    "admin.forbidden": "Hanya admin yang boleh membuka halaman ini.",
  },
});
