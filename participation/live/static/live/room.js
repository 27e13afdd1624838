// The room's state: open or closed, slow mode, pinned and projected questions, presence, the log.

import { $, fill, mode, strings, timeOf } from "./common.js";

export function applyRoom(room) {
  const state = $("live-state");
  if (state) state.textContent = room.is_open ? strings.open : strings.closed;
  const slow = $("live-slow");
  if (slow) {
    slow.hidden = !room.slow_mode_seconds;
    slow.textContent = fill(strings.slow, { count: room.slow_mode_seconds });
  }
  const premoderated = $("live-premoderated");
  if (premoderated) premoderated.checked = room.premoderated;
  for (const form of document.querySelectorAll(".live-form")) {
    for (const control of form.elements) control.disabled = !room.is_open;
  }
}

export function setFeatured(where, question) {
  if (where === "pinned") {
    const box = $("live-pinned");
    if (!box) return;
    box.hidden = !question;
    $("live-pinned-body").textContent = question ? question.body : "";
  } else if (mode === "projection") {
    $("live-projected-body").textContent = question ? question.body : strings.no_projection;
    $("live-projected-author").textContent = question && question.author ? question.author.name : "";
  }
}

export function setPresence(count) {
  const el = $("live-presence");
  if (el) el.textContent = count === 1 ? strings.presence_one : fill(strings.presence_many, { count });
}

export function log(frame) {
  const list = $("live-log");
  if (!list || !frame.actor) return;
  const li = document.createElement("li");
  const action = strings.kinds[frame.type] || frame.type;
  li.textContent = `${timeOf(frame.at)} — ${fill(strings.log_by, { action, name: frame.actor.name })}`;
  list.prepend(li);
}
