// The room's state: open or closed, slow mode, pinned and projected questions, presence, the log.

import { $, button, fill, mode, strings, timeOf, you } from "./common.js";
import { send } from "./connection.js";

export function applyRoom(room) {
  const state = $("live-state");
  if (state) state.textContent = room.is_open ? strings.open : strings.closed;
  const slow = $("live-slow");
  if (slow) {
    slow.hidden = !room.slow_mode_seconds;
    slow.textContent = fill(strings.slow, { count: room.slow_mode_seconds });
  }
  // One « Ouvrir / Fermer » button: it offers what the room is not.
  const toggle = $("live-toggle");
  if (toggle) {
    toggle.dataset.roomState = room.is_open ? "closed" : "open";
    toggle.textContent = room.is_open ? strings.close_room : strings.open_room;
    toggle.classList.toggle("button-secondary", room.is_open);
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
    if (box) {
      box.hidden = !question;
      $("live-pinned-body").textContent = question ? question.body : "";
    }
  }
  if (mode === "projection") {
    // The big screen shows the projected question, else the pinned one.
    const featured = screenFeatured();
    featured[where] = question;
    const shown = featured.projected || featured.pinned;
    $("live-projected-body").textContent = shown ? shown.body : strings.no_projection;
    $("live-projected-author").textContent = shown && shown.author ? shown.author.name : "";
  }
}

// The questions the big screen may show, as the page was rendered (json_script), then as frames say.
let screen = null;
function screenFeatured() {
  if (screen === null) {
    const data = $("live-featured");
    screen = data ? JSON.parse(data.textContent) : { projected: null, pinned: null };
  }
  return screen;
}

export function setPresence(count) {
  const el = $("live-presence");
  if (el) el.textContent = count === 1 ? strings.presence_one : fill(strings.presence_many, { count });
}

// The facilitation log: every facilitator's actions as they happen, the others' too. A hide can be
// undone from its line.
export function log(frame) {
  const list = $("live-log");
  if (!list || !frame.actor) return;
  const li = document.createElement("li");
  const data = frame.data || {};
  const name = frame.actor.name;
  if (frame.type === "notice.hidden") {
    const item = data[data.item] || {};
    const reason = [data.reason_label, data.note].filter(Boolean).join(" — ");
    li.textContent = `${timeOf(frame.at)} — ${fill(strings.log_reason, { name: item.author ? item.author.name : "", reason })}`;
  } else {
    const action = strings.kinds[frame.type] || frame.type;
    li.textContent = `${timeOf(frame.at)} — ${fill(strings.log_by, { action, name })}`;
  }
  const hidden = { "message.hidden": "message", "question.hidden": "question" }[frame.type];
  if (hidden && you.can_hide) {
    const id = data[hidden].id;
    const undo = button(strings.restore, () => send({ type: `${hidden}.restore`, [hidden]: id }, { near: list }));
    undo.dataset.restores = `${hidden}-${id}`;
    li.append(" ", undo);
  }
  list.prepend(li);
}

// Shown again (restored, approved): its « Rétablir » buttons have nothing left to undo.
export function forgetRestore(kind, id) {
  document.querySelectorAll(`[data-restores="${kind}-${id}"]`).forEach((b) => b.remove());
}
