// The live room: one websocket (connection.js) keeping the server-rendered page up to date.
// Protocol: docs/live.md. ES modules, no build step: common, connection, messages, questions, room, tabs.

import { $, clearError, fill, me, strings, timeOf, you, showError } from "./common.js";
import { answered, connect, connected, isNew, resumed, send, sendOnce, setConnection } from "./connection.js";
import { decorateMessage, upsertMessage } from "./messages.js";
import { decorateQuestion, markVoted, upsertQuestion } from "./questions.js";
import { applyRoom, forgetRestore, log, setFeatured, setPresence } from "./room.js";
import { applyPoll, pollResults, setupPolls, showPoll } from "./polls.js";
import { setupTabs } from "./tabs.js";

// Why a facilitator hid what this person wrote: next to the input of its panel.
function hiddenNotice(data) {
  const item = data[data.item];
  if (!item || !item.author || me === null || item.author.id !== me) return;
  const template = data.item === "question" ? strings.you_hidden_question : strings.you_hidden_message;
  let text = fill(template, { reason: data.reason_label || strings.reasons.at(-1)[1] });
  if (data.note) text += ` ${fill(strings.their_note, { note: data.note })}`;
  const box = $(data.item === "question" ? "live-question-error" : "live-message-error") || $("live-error");
  showError(box, text);
}

function apply(frame) {
  const data = frame.data || {};
  if (frame.type === "notice.hidden") hiddenNotice(data);
  else if (frame.type.startsWith("poll.")) applyPoll(frame);
  else if (frame.type.startsWith("message.")) upsertMessage(data.message);
  else if (frame.type === "question.pinned") setFeatured("pinned", data.question);
  else if (frame.type === "question.projected") setFeatured("projected", data.question);
  else if (frame.type === "question.voted") upsertQuestion(data.question, frame.actor);
  else if (frame.type.startsWith("question.")) upsertQuestion(data.question);
  else if (frame.type === "room.updated") applyRoom(data.room);
  else if (frame.type === "user.sanctioned") {
    const s = data.sanction;
    const until = timeOf(s.until);
    if (me !== null && s.user.id === me) {
      // About writing: shown next to the message input.
      showError($("live-message-error") || $("live-error"), fill(s.kind === "ban" ? strings.you_banned : strings.you_muted, { until }));
    }
  }
  const item = data.message || data.question;
  if (item && item.status === "visible") forgetRestore(data.message ? "message" : "question", item.id);
  if (!["message.created", "question.created", "question.voted"].includes(frame.type)) log(frame);
}

function handle(frame) {
  switch (frame.type) {
    case "hello": {
      // Online once the room greets: a socket accepted only to say it is unavailable is not.
      connected();
      setConnection(strings.online, true);
      const top = $("live-error");
      if (top && ["unavailable", "too_many"].includes(top.dataset.code)) clearError(top);
      Object.assign(you, frame.you);
      applyRoom(frame.room);
      setPresence(frame.presence);
      document.querySelectorAll("#live-messages > li, #live-pending > li").forEach(decorateMessage);
      document.querySelectorAll("#live-questions > li").forEach(decorateQuestion);
      markVoted(frame.you.voted || []);
      if (frame.poll) showPoll(frame.poll, frame.you.poll_answer);
      return;
    }
    case "presence":
      setPresence(frame.count);
      return;
    case "poll.results":
      pollResults(frame);
      return;
    case "error":
    case "ack":
      answered(frame);
      return;
    case "batch":
      // Several frames at once, when this client fell behind: the same as one after the other.
      frame.frames.forEach(handle);
      return;
    case "resumed":
      resumed(frame);
      return;
    case "pong":
      return;
    default:
      // Live and replayed events (numbers this person may not see are left out). A frame type
      // this module does not know (a newer server) has a seq too, and is skipped.
      if (isNew(frame)) apply(frame);
  }
}

for (const form of document.querySelectorAll("#live-message-form, #live-question-form")) {
  form.addEventListener("submit", (event) => {
    // Without this module the form posts to the page (same rules, same service).
    event.preventDefault();
    const body = form.elements.body.value.trim();
    if (!body) return;
    sendOnce({ type: form.dataset.action, body }, form);
  });
  // Enter sends, Shift+Enter goes to a new line.
  form.elements.body.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

$("live-toggle")?.addEventListener("click", (event) =>
  send({ type: "room.update", state: event.target.dataset.roomState }, { near: event.target }),
);
$("live-unpin")?.addEventListener("click", (event) => send({ type: "question.pin", question: null }, { near: event.target }));
$("live-slow-form")?.addEventListener("submit", (event) => {
  event.preventDefault();
  send({ type: "room.update", slow_mode_seconds: Number($("live-slow-seconds").value || 0) }, { near: event.target });
});
$("live-premoderated")?.addEventListener("change", (event) =>
  send({ type: "room.update", premoderated: event.target.checked }, { near: event.target }),
);

setupTabs();
setupPolls();
connect(handle);
