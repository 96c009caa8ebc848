import { defineMessages } from "../define.ts";

/** UI strings around one message: details, feedback, reasoning, alternatives, editing. */
export const message = defineMessages({
  en: {
    "msg.like": "Like",
    "msg.dislike": "Dislike",
    "msg.reasoning": "Reasoning",
    "msg.tokens": "{prompt} + {completion} tokens",
    "msg.cost": "{cost}",
    "msg.alt_previous": "Previous answer",
    "msg.alt_next": "Next answer",
    "msg.alt_position": "Answer {n} of {total}",
    "msg.edit": "Edit",
    "msg.edit_label": "Edit message",
    "msg.edit_send": "Save and send",
    "msg.edit_discard": "Discard changes",
    "msg.search": "Find in this chat",
    "msg.search_count": "{count} matching messages",
    "msg.sound": "Sound when an answer is done",
  },
  id: {
    "msg.like": "Suka",
    "msg.dislike": "Tidak suka",
    "msg.reasoning": "Penalaran",
    "msg.tokens": "{prompt} + {completion} token",
    "msg.cost": "{cost}",
    "msg.alt_previous": "Jawaban sebelumnya",
    "msg.alt_next": "Jawaban berikutnya",
    "msg.alt_position": "Jawaban {n} dari {total}",
    "msg.edit": "Ubah",
    "msg.edit_label": "Ubah pesan",
    "msg.edit_send": "Simpan dan kirim",
    "msg.edit_discard": "Batalkan perubahan",
    "msg.search": "Cari di obrolan ini",
    "msg.search_count": "{count} pesan cocok",
    "msg.sound": "Bunyi saat jawaban selesai",
  },
});
