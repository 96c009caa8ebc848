import { defineMessages } from "../define.ts";

/** UI strings of the upstream concern: why an answer from the model failed. */
export const upstream = defineMessages({
  en: {
    "upstream.bad_key":
      "The OpenRouter API key was refused. Check OPENROUTER_API_KEY and restart the app.",
    "upstream.no_credits":
      "The OpenRouter account has run out of credits. Add credits at openrouter.ai/settings/credits, or choose a free model.",
    "upstream.moderation":
      "The model's provider blocked this message as inappropriate. Rephrase it, or choose another model.",
    "upstream.moderation_reasons":
      "The model's provider blocked this message ({reasons}). Rephrase it, or choose another model.",
    "upstream.timeout":
      "The model did not answer in time. Try again, or choose another model.",
    "upstream.rate_limited":
      "Too many requests to this model right now. Wait a moment and try again, or choose another model.",
    "upstream.rate_limited_wait":
      "Too many requests to this model right now. Try again in {seconds} s, or choose another model.",
    "upstream.provider_down":
      "The model's provider is unavailable right now. Try again in a moment, or choose another model.",
    "upstream.bad_request":
      "The model refused the request. Check the chosen model and the chat settings.",
    "upstream.bad_request_detail":
      "The model refused the request: {detail}. Check the chosen model and the chat settings.",
    "upstream.stream_error":
      "The answer broke off because of an error at the model's provider. Try again.",
    "upstream.stream_error_detail":
      "The answer broke off because of an error at the model's provider: {detail}. Try again.",
    "upstream.network":
      "Could not reach OpenRouter. Check the network connection and OPENROUTER_BASE_URL, then try again.",
    "upstream.bad_response":
      "OpenRouter sent an answer that could not be read. Try again; if it keeps happening, check OPENROUTER_BASE_URL.",
    "upstream.upstream_error":
      "OpenRouter answered with an unexpected error. Try again later.",
    "upstream.too_long":
      "The answer was stopped because it grew longer than this app allows. The text so far is kept; ask for a shorter answer.",
    "upstream.upstream_error_status":
      "OpenRouter answered with an unexpected error (HTTP {status}). Try again later.",
  },
  id: {
    "upstream.bad_key":
      "Kunci API OpenRouter ditolak. Periksa OPENROUTER_API_KEY lalu mulai ulang aplikasi.",
    "upstream.no_credits":
      "Kredit akun OpenRouter sudah habis. Tambahkan kredit di openrouter.ai/settings/credits, atau pilih model gratis.",
    "upstream.moderation":
      "Penyedia model memblokir pesan ini karena dianggap tidak pantas. Ubah kalimatnya, atau pilih model lain.",
    "upstream.moderation_reasons":
      "Penyedia model memblokir pesan ini ({reasons}). Ubah kalimatnya, atau pilih model lain.",
    "upstream.timeout":
      "Model tidak menjawab tepat waktu. Coba lagi, atau pilih model lain.",
    "upstream.rate_limited":
      "Terlalu banyak permintaan ke model ini saat ini. Tunggu sebentar lalu coba lagi, atau pilih model lain.",
    "upstream.rate_limited_wait":
      "Terlalu banyak permintaan ke model ini saat ini. Coba lagi dalam {seconds} detik, atau pilih model lain.",
    "upstream.provider_down":
      "Penyedia model sedang tidak tersedia. Coba lagi sebentar lagi, atau pilih model lain.",
    "upstream.bad_request":
      "Model menolak permintaan ini. Periksa model yang dipilih dan pengaturan obrolan.",
    "upstream.bad_request_detail":
      "Model menolak permintaan ini: {detail}. Periksa model yang dipilih dan pengaturan obrolan.",
    "upstream.stream_error":
      "Jawaban terputus karena galat di penyedia model. Coba lagi.",
    "upstream.stream_error_detail":
      "Jawaban terputus karena galat di penyedia model: {detail}. Coba lagi.",
    "upstream.network":
      "Tidak dapat menghubungi OpenRouter. Periksa koneksi jaringan dan OPENROUTER_BASE_URL, lalu coba lagi.",
    "upstream.bad_response":
      "OpenRouter mengirim jawaban yang tidak dapat dibaca. Coba lagi; jika terus terjadi, periksa OPENROUTER_BASE_URL.",
    "upstream.upstream_error":
      "OpenRouter menjawab dengan galat yang tidak terduga. Coba lagi nanti.",
    "upstream.too_long":
      "Jawaban dihentikan karena lebih panjang dari yang diizinkan aplikasi ini. Teks yang sudah diterima tetap disimpan; minta jawaban yang lebih pendek.",
    "upstream.upstream_error_status":
      "OpenRouter menjawab dengan galat yang tidak terduga (HTTP {status}). Coba lagi nanti.",
  },
});
