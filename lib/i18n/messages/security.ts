import { defineMessages } from "../define.ts";

/** UI strings of sign-in, request checks and limits. */
export const security = defineMessages({
  en: {
    "login.title": "Sign in to chatai",
    "login.intro": "This chatai is protected by a password.",
    "login.password": "Password",
    "login.submit": "Sign in",
    "login.wrong": "That password is not right. Try again.",
    "login.too_many":
      "Too many sign-in attempts from your address. Try again in {seconds} s.",
    "login.sign_out": "Sign out",
    "login.bad_form":
      "The sign-in request was not a form, so nothing was checked. Sign in with the form on this page.",
    "login.form_too_large":
      "The sign-in form was larger than {limit} bytes, so nothing was checked. Enter only the password and try again.",
    "api.unauthorized":
      "Sign in first: this chatai is protected by a password.",
    "api.forbidden_origin":
      "This request came from another site, so it was refused. Use chatai's own pages.",
    "api.forbidden_host":
      "This chatai does not answer to this address, so the request was refused. Open chatai at its own address, or ask its operator to add this one to ALLOWED_HOSTS.",
    "limit.rate":
      "You have started too many answers in the last minute. Try again in {seconds} s.",
    "limit.concurrent":
      "You already have {count} {count|answer|answers} being written. Wait for one to finish or cancel it.",
    "limit.busy":
      "The server is answering too many requests right now. Try again in a few seconds.",
    "limit.chat_full":
      "This chat has reached {count} {count|message|messages}, the most a chat may hold. Start a new chat.",
  },
  id: {
    "login.title": "Masuk ke chatai",
    "login.intro": "chatai ini dilindungi kata sandi.",
    "login.password": "Kata sandi",
    "login.submit": "Masuk",
    "login.wrong": "Kata sandi itu salah. Coba lagi.",
    "login.too_many":
      "Terlalu banyak percobaan masuk dari alamat Anda. Coba lagi dalam {seconds} detik.",
    "login.sign_out": "Keluar",
    "login.bad_form":
      "Permintaan masuk ini bukan formulir, jadi tidak ada yang diperiksa. Masuk lewat formulir di halaman ini.",
    "login.form_too_large":
      "Formulir masuk lebih dari {limit} byte, jadi tidak ada yang diperiksa. Isi kata sandinya saja lalu coba lagi.",
    "api.unauthorized": "Masuk dulu: chatai ini dilindungi kata sandi.",
    "api.forbidden_origin":
      "Permintaan ini datang dari situs lain, jadi ditolak. Gunakan halaman chatai sendiri.",
    "api.forbidden_host":
      "chatai ini tidak melayani alamat ini, jadi permintaan ditolak. Buka chatai di alamatnya sendiri, atau minta pengelolanya menambahkan alamat ini ke ALLOWED_HOSTS.",
    "limit.rate":
      "Anda memulai terlalu banyak jawaban dalam satu menit terakhir. Coba lagi dalam {seconds} detik.",
    "limit.concurrent":
      "Sudah ada {count} jawaban Anda yang sedang ditulis. Tunggu salah satu selesai atau batalkan.",
    "limit.busy":
      "Server sedang menjawab terlalu banyak permintaan. Coba lagi beberapa detik lagi.",
    "limit.chat_full":
      "Obrolan ini sudah berisi {count} pesan, batas satu obrolan. Mulai obrolan baru.",
  },
});
