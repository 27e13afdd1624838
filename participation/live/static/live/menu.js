// A facilitator's actions on one message or question: one « Actions » menu (a <details>, so that the
// keyboard and screen readers know it), not a row of buttons each repeating the author's name.
// « Masquer… » asks for a reason (the moderation's list) and a note for the author.

import { button, fill, strings } from "./common.js";
import { send } from "./connection.js";

// ``entries``: [label, onClick] pairs; ``hide``: the frame that hides the item, or null.
export function actionsMenu(li, entries, hide) {
  const menu = document.createElement("details");
  menu.className = "live-menu";
  const summary = document.createElement("summary");
  summary.textContent = strings.actions;
  const whose = document.createElement("span");
  whose.className = "visually-hidden";
  whose.textContent = ` ${fill(strings.actions_of, { name: li.dataset.authorName })}`;
  summary.append(whose);
  const body = document.createElement("div");
  body.className = "live-menu-body";
  for (const [label, onClick] of entries) {
    body.append(button(label, () => {
      menu.open = false;
      onClick();
    }));
  }
  if (hide) body.append(button(strings.hide_with_reason, () => body.replaceChildren(hideForm(li, menu, hide))));
  menu.append(summary, body);
  // Closed again, the menu shows its actions rather than a half-filled form.
  menu.addEventListener("toggle", () => {
    if (!menu.open && body.querySelector("form")) menu.replaceWith(actionsMenu(li, entries, hide));
  });
  return menu;
}

let formCounter = 0;

function hideForm(li, menu, frame) {
  const form = document.createElement("form");
  form.className = "live-hide-form";
  const n = ++formCounter;
  const reasonLabel = document.createElement("label");
  reasonLabel.htmlFor = `live-hide-reason-${n}`;
  reasonLabel.textContent = strings.reason;
  const reason = document.createElement("select");
  reason.id = `live-hide-reason-${n}`;
  reason.required = true;
  for (const [value, label] of strings.reasons) reason.append(new Option(label, value));
  const noteLabel = document.createElement("label");
  noteLabel.htmlFor = `live-hide-note-${n}`;
  noteLabel.textContent = strings.note;
  const note = document.createElement("input");
  note.type = "text";
  note.id = `live-hide-note-${n}`;
  note.maxLength = 300;
  const actions = document.createElement("p");
  actions.className = "live-actions";
  const confirm = document.createElement("button");
  confirm.type = "submit";
  confirm.textContent = strings.hide;
  actions.append(confirm, button(strings.cancel, () => (menu.open = false)));
  form.append(reasonLabel, reason, noteLabel, note, actions);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send({ ...frame, reason: reason.value, note: note.value.trim() }, { near: li });
    menu.open = false;
  });
  queueMicrotask(() => reason.focus());
  return form;
}
